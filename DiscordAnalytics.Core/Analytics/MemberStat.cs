namespace DiscordAnalytics.Core.Analytics;

/// <summary>A member's numbers in a window.</summary>
public sealed record MemberStat(string DiscordUserId, string Name, long MessagesSent, long ReactionsAdded, long ThreadsStarted)
{
    /// <summary>Messages in the previous window, cut to the same elapsed time as this one (for the change); additive to schema 1.</summary>
    public long PreviousMessagesSent { get; init; }

    /// <summary>Reactions added in the previous window, cut to the same elapsed time; additive to schema 1.</summary>
    public long PreviousReactionsAdded { get; init; }

    /// <summary>Minutes in voice in the window; additive to schema 1.</summary>
    public long VoiceMinutes { get; init; }
}
