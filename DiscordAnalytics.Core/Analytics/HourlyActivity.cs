namespace DiscordAnalytics.Core.Analytics;

/// <summary>Messages sent in one hour of the day (UTC, 0-23) over a whole window; summary <c>hourly</c>.</summary>
public sealed record HourlyActivity(int Hour, long Messages);
