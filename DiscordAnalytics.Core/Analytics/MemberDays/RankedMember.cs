namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>A member listed by <see cref="MemberRankings"/>, with its window numbers.</summary>
internal readonly record struct RankedMember(long User, long Messages, long Reactions, long Threads);
