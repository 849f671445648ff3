namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>A held help thread (of one view): its facts, when it was resolved and whether it escalated.</summary>
internal sealed record HelpThreadItem(HelpThreadFacts Facts, long? ResolvedAt, SupportHit? Escalation)
{
    public long StartedAt => Facts.StartedAt;
}
