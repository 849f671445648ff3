namespace DiscordAnalytics.Core.Analytics;

/// <summary>Messages sent in one hour of the day (0-23, in the guild's time zone: the summary's <c>window.timeZone</c>) over a whole window; summary <c>hourly</c>.</summary>
public sealed record HourlyActivity(int Hour, long Messages);
