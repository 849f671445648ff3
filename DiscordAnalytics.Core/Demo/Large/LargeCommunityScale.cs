namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// The size of a generated large community. <see cref="Full"/> is the biggest guild the design names
/// (issue 18: ~200,000 members, 20,000 active a day, 500 channels, ~50M events a year); tests use the same
/// shape scaled down, so what they check about skew and event kinds holds for the full size too.
/// </summary>
/// <param name="Members">Founding members (joiners arrive on top of them, a few hundred a day at full size).</param>
/// <param name="DailyActiveMembers">Members who post or react on an average weekday.</param>
/// <param name="Channels">Channels at the start: categories, text, help, announcement, forum and voice (threads come as events).</param>
/// <param name="EventsPerYear">Activity events in 365 days, all kinds together (metadata not counted).</param>
public sealed record LargeCommunityScale(int Members, int DailyActiveMembers, int Channels, long EventsPerYear)
{
    public static LargeCommunityScale Full { get; } = new(200_000, 20_000, 500, 50_000_000);

    /// <summary>Events on an average day (weekdays a little more, weekends less).</summary>
    public double EventsPerDay => EventsPerYear / 365.0;

    /// <summary>Why this scale cannot be generated, or null when it can.</summary>
    public string? Validate() =>
        Members < 50 ? "at least 50 members"
        : DailyActiveMembers < 10 || DailyActiveMembers > Members / 2 ? "daily active members between 10 and half the members"
        : Channels < 20 ? "at least 20 channels"
        : EventsPerDay < 100 ? "at least 100 events a day"
        : EventsPerDay > 400_000 ? "at most 400,000 events a day (a day's message ids hold 262,144)"
        : null;
}
