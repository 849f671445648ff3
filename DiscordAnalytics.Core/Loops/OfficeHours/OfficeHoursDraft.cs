namespace DiscordAnalytics.Core.Loops.OfficeHours;

/// <summary>
/// A scheduled office-hours announcement for the busiest weekday and hour of question activity, ready to copy; nothing
/// is posted. With no question activity only <see cref="TimeZone"/> and <see cref="Questions"/> (0) are set.
/// </summary>
/// <param name="Weekday">The slot's weekday in <see cref="TimeZone"/> ("Tuesday"); null without question activity.</param>
/// <param name="Hour">The slot's local start hour, 0-23; null without question activity.</param>
/// <param name="TimeZone">The guild's time zone the slot is in (UTC when none is set or known).</param>
/// <param name="Questions">Help threads and questions started in that slot over the last <see cref="OfficeHoursDraftQuery.Days"/> days.</param>
/// <param name="NextAt">The next start of the slot after now (UTC instant); null without question activity.</param>
/// <param name="HelpChannel">Name of the help channel most of the slot's questions were asked in.</param>
/// <param name="Text">The announcement; null without question activity.</param>
public sealed record OfficeHoursDraft(
    string? Weekday,
    int? Hour,
    string TimeZone,
    int Questions,
    DateTimeOffset? NextAt,
    string? HelpChannel,
    string? Text);
