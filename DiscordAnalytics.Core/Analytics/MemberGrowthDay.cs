namespace DiscordAnalytics.Core.Analytics;

/// <summary>One UTC day of member growth; every day of the window is present, zero-filled.</summary>
/// <param name="Net">Joins minus leaves (negative when more left than joined).</param>
public sealed record MemberGrowthDay(DateOnly Date, long Joins, long Leaves, long Net);
