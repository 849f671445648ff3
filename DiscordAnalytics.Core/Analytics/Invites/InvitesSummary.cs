namespace DiscordAnalytics.Core.Analytics.Invites;

/// <summary>The Invites card and the summary's <c>invites</c>, <c>inviters</c> and <c>invitesStatus</c>.</summary>
/// <param name="Invites">Invites by joins, best first, ties by code (unknown last); all of them (the summary cuts to top).</param>
/// <param name="Inviters">Inviters by joins, best first, ties by id (the hidden row last).</param>
/// <param name="Status">Whether the invites can be read.</param>
public sealed record InvitesSummary(IReadOnlyList<InviteStat> Invites, IReadOnlyList<InviterStat> Inviters, InviteTrackingStatus Status);
