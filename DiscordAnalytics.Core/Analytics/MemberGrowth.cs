namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Joins, leaves and net growth of a window and of the previous window cut to the same elapsed time (summary
/// <c>memberGrowth</c>). Counts are events: a member who joins twice counts two joins.
/// </summary>
/// <param name="Daily">Every UTC day of the window, zero-filled.</param>
public sealed record MemberGrowth(
    long Joins,
    long Leaves,
    long Net,
    long PreviousJoins,
    long PreviousLeaves,
    long PreviousNet,
    IReadOnlyList<MemberGrowthDay> Daily);
