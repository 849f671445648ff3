namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// A commit changed whether one member counts as active on a day (<see cref="MemberDay.IsActiveAt(int, bool)"/>), for the
/// humans-only rule, the bots-included rule or both: what the day said before and after the commit that made it
/// <see cref="Version"/>. Logged by the day so kept per-day figures (engagement) can follow a commit member by member.
/// </summary>
internal readonly record struct ActivityFlip(long Version, int Member, bool HumanBefore, bool AnyBefore, bool HumanAfter, bool AnyAfter)
{
    /// <summary>Whether the member counted as active before the flip, under the rule with or without bots.</summary>
    public bool Before(bool bots) => bots ? AnyBefore : HumanBefore;

    public bool After(bool bots) => bots ? AnyAfter : HumanAfter;
}
