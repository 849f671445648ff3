namespace DiscordAnalytics.Core.Analytics.Invites;

/// <summary>
/// The joins of a window that one member's invites brought (summary <c>inviters</c>), counted like <see cref="InviteStat"/>.
/// Hidden and forgotten inviters are counted together in one row without id or name.
/// </summary>
public sealed record InviterStat(
    string? InviterId,
    string? InviterName,
    long Joins,
    long PostedWithinSevenDays,
    long StillMembersAfterThirtyDays);
