namespace DiscordAnalytics.Core.Analytics;

/// <summary>One UTC day of the activity chart. Every day of the window is present, zero-filled.</summary>
public sealed record DailyActivity(DateOnly Date, long Messages, long Reactions, long ActiveMembers);
