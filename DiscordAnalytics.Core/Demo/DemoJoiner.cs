namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// A member who joins during the simulation. Joiners of a day are a pure function of (seed, day), so any
/// later day can recompute who is around without remembering anything.
/// </summary>
/// <param name="Member">The joiner (not in the founding roster).</param>
/// <param name="JoinAt">Epoch ms of the join.</param>
/// <param name="LeaveAt">Epoch ms of the leave, or null when they stay.</param>
/// <param name="ActiveUntil">After this they lurk: still a member, never posts again.</param>
internal sealed record DemoJoiner(DemoMember Member, long JoinAt, long? LeaveAt, long ActiveUntil)
{
    public bool CanPostAt(long at) => at > JoinAt && at < ActiveUntil && (LeaveAt is null || at < LeaveAt);

    public bool IsMemberAt(long at) => at >= JoinAt && (LeaveAt is null || at < LeaveAt);
}
