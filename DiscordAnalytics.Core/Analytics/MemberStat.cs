namespace DiscordAnalytics.Core.Analytics;

/// <summary>A member's numbers in a window.</summary>
public sealed record MemberStat(string DiscordUserId, string Name, long MessagesSent, long ReactionsAdded, long ThreadsStarted);
