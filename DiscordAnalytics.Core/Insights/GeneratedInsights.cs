using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>One generated report, the question it answered and when it was made (what the card and the API show).</summary>
public sealed record GeneratedInsights(AnalyticsQuery Query, InsightReport Report, DateTimeOffset GeneratedAt);
