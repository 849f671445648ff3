namespace DiscordAnalytics.Core.Analytics.Cohorts;

/// <summary>
/// <c>GET /api/guilds/{id}/retention</c> and the Retention card: the join cohorts of the last <see cref="Weeks"/> whole
/// weeks before the current one, oldest first, each with its share of members active in every following week up to
/// now (<see cref="CohortRetentionQuery"/>). Weeks are calendar weeks of the guild's time zone starting on
/// <see cref="WeekStartsOn"/>.
/// </summary>
public sealed record RetentionTable(
    string GuildId,
    string TimeZone,
    string WeekStartsOn,
    int Weeks,
    DateOnly CurrentWeekStart,
    IReadOnlyList<RetentionCohort> Cohorts);
