namespace DiscordAnalytics.Core.Analytics;

public enum MemberRanking
{
    /// <summary>Messages plus reactions (the summary's order).</summary>
    ByActivity,
    ByMessages,
    ByReactions,
}
