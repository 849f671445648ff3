namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// A day's DAU, WAU and MAU as computed from the member days at <see cref="Versions"/>: the versions of the 30 days it
/// depends on (the day and the 29 before it, oldest first; -1 for a day not held). Valid while those days are unchanged.
/// </summary>
internal sealed record HeldEngagementDay(long[] Versions, long Dau, long Wau, long Mau);
