namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>A held question asked directly in a help channel (of one view): its answer and whether it escalated.</summary>
internal sealed record HelpQuestionItem(HelpQuestionRow Row, SupportHit? Escalation)
{
    public long AskedAt => Row.AskedAt;
}
