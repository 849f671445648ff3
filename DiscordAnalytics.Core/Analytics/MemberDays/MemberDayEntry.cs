namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>One member's row of one day as the sums count it (<see cref="MemberDay.EntryAt"/>).</summary>
internal readonly record struct MemberDayEntry(bool IsBot, int Messages, int Reactions, int Threads, bool IsActive);
