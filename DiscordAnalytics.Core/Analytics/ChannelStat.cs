namespace DiscordAnalytics.Core.Analytics;

/// <summary>A channel's numbers in a window (thread activity included in its parent).</summary>
public sealed record ChannelStat(string ChannelId, string Name, long MessageCount, long ReactionCount, long ThreadCount)
{
    /// <summary>Messages in the previous window, cut to the same elapsed time (for the change); additive to schema 1.</summary>
    public long PreviousMessageCount { get; init; }

    /// <summary>Reactions in the previous window, cut to the same elapsed time; additive to schema 1.</summary>
    public long PreviousReactionCount { get; init; }
}
