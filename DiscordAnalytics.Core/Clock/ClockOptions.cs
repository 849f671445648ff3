namespace DiscordAnalytics.Core.Clock;

/// <summary>
/// The <c>Clock</c> configuration section. Empty (the default): the app runs on the real time. <c>Clock:StartAt</c> is for
/// looking at a kept store whose data ends in the past (a benchmark's generated year, a backup): the app's clock starts
/// at that instant and runs on from it, so "today" and the dashboard's default windows are those of the data. Refused
/// with a Discord token: a live bot's events, rate limits and sign-in times are the real time's.
/// </summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    public const string WithTokenError = "Clock:StartAt is for looking at a kept store with no bot connected: leave it empty when Discord:Token is set.";

    /// <summary>The instant the app's clock reads at its start (ISO 8601, e.g. 2025-12-31T20:00:00Z), or null for the real time.</summary>
    public DateTimeOffset? StartAt { get; set; }
}
