namespace DiscordAnalytics.Core.Analytics;

/// <summary>A channel's numbers in a window (thread activity included in its parent).</summary>
public sealed record ChannelStat(string ChannelId, string Name, long MessageCount, long ReactionCount, long ThreadCount);
