namespace DiscordAnalytics.Core.Analytics.Cohorts;

/// <summary>
/// The members whose latest join fell in the week starting <see cref="WeekStart"/> (the guild's time zone), and how many
/// of them were active in each following week that has begun (<see cref="RetentionWeek.Week"/> 1 is the week after).
/// </summary>
public sealed record RetentionCohort(DateOnly WeekStart, long Members, IReadOnlyList<RetentionWeek> Weeks);
