namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// Summary <c>lurkers</c> (<see cref="LurkersQuery"/>): of the <see cref="KnownMembers"/> present in the window, the
/// <see cref="Count"/> who neither posted, reacted nor talked in voice in it; <see cref="Share"/> is Count/KnownMembers
/// rounded to three decimals, null when no member is known.
/// </summary>
public sealed record LurkerCount(long Count, double? Share, long KnownMembers);
