namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>Voice minutes in one hour of the day (0-23, the guild's time zone) over a whole window; summary <c>hourlyVoice</c>.</summary>
public sealed record HourlyVoice(int Hour, long Minutes);
