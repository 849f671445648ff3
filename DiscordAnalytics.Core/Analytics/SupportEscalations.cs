namespace DiscordAnalytics.Core.Analytics;

/// <summary><c>supportSignals.escalations</c>: how many of the window's help threads and questions escalated, and the newest of them.</summary>
/// <param name="List">The newest, at most <see cref="SupportSignalsQuery.MaxEscalationsListed"/>, newest first.</param>
public sealed record SupportEscalations(long Count, IReadOnlyList<SupportEscalation> List)
{
    public static SupportEscalations None { get; } = new(0, []);
}
