namespace DiscordAnalytics.Core.Analytics.Cohorts;

/// <summary>
/// One cell of the retention triangle: of a cohort's members, <see cref="Active"/> posted, reacted or talked in voice
/// in its <see cref="Week"/>-th following week. <see cref="Share"/> is Active/Members rounded to three decimals, null
/// for a cohort without members; <see cref="Complete"/> is false for the current week, which is still running.
/// </summary>
public sealed record RetentionWeek(int Week, long Active, double? Share, bool Complete);
