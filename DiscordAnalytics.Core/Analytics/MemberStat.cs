namespace DiscordAnalytics.Core.Analytics;

/// <summary>A member's numbers in a window.</summary>
public sealed record MemberStat(string DiscordUserId, string Name, long MessagesSent, long ReactionsAdded, long ThreadsStarted)
{
    /// <summary>Messages in the previous window of equal length (for the change); additive to schema 1.</summary>
    public long PreviousMessagesSent { get; init; }

    /// <summary>Reactions added in the previous window of equal length; additive to schema 1.</summary>
    public long PreviousReactionsAdded { get; init; }
}
