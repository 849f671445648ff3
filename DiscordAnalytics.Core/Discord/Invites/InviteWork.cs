namespace DiscordAnalytics.Core.Discord.Invites;

/// <summary>One item of a guild's invite work queue.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Code">For <see cref="InviteWorkKind.Created"/> and <see cref="InviteWorkKind.Deleted"/>: the invite.</param>
/// <param name="Uses">For <see cref="InviteWorkKind.Created"/>: its uses.</param>
/// <param name="UserId">For <see cref="InviteWorkKind.Joined"/>: who joined.</param>
/// <param name="JoinedAt">For <see cref="InviteWorkKind.Joined"/>: when (epoch ms; the join's own time, its dedupe key).</param>
/// <param name="KeepBaseline">For <see cref="InviteWorkKind.Refresh"/>: keep the uses joins are compared with (a backfill's read, not a new connection).</param>
public readonly record struct InviteWork(InviteWorkKind Kind, string? Code = null, int Uses = 0, ulong UserId = 0, long JoinedAt = 0, bool KeepBaseline = false);
