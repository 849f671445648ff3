namespace DiscordAnalytics.Core.Analytics.Invites;

/// <summary>
/// The joins of a window that one invite brought (summary <c>invites</c>); see <see cref="InvitesQuery"/> for what counts.
/// </summary>
/// <param name="Code">The invite code; null for joins whose invite is unknown (none or several invites' uses rose).</param>
/// <param name="InviterId">Who made the invite; null for the vanity URL, unknown joins, and hidden or forgotten inviters.</param>
/// <param name="InviterName">The inviter's display name, when <paramref name="InviterId"/> is given.</param>
/// <param name="IsVanity">The guild's vanity URL.</param>
/// <param name="Joins">Attributed joins in the window.</param>
/// <param name="PostedWithinSevenDays">Of those, members who posted within 7 days of joining.</param>
/// <param name="StillMembersAfterThirtyDays">Of those whose 30 days have passed, members who had not left by then.</param>
public sealed record InviteStat(
    string? Code,
    string? InviterId,
    string? InviterName,
    bool IsVanity,
    long Joins,
    long PostedWithinSevenDays,
    long StillMembersAfterThirtyDays);
