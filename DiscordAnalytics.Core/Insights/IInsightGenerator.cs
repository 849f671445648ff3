using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Turns an analytics summary (schema 1, the only thing a generator sees) into insights and action drafts.
/// Every number a generator writes must come from that summary (<see cref="GroundingCheck"/>).
/// </summary>
public interface IInsightGenerator
{
    Task<InsightReport> GenerateAsync(AnalyticsSummary summary, CancellationToken ct);
}
