namespace DiscordAnalytics.Core.Discord.Invites;

/// <summary>What the invite tracker does for a guild, in the order it was asked.</summary>
public enum InviteWorkKind
{
    /// <summary>Read all invites (and the vanity URL) again and store them: a fresh gateway session, or a backfill.</summary>
    Refresh,

    /// <summary>INVITE_CREATE: a new invite starts at its uses.</summary>
    Created,

    /// <summary>INVITE_DELETE: the invite is no longer compared.</summary>
    Deleted,

    /// <summary>GUILD_MEMBER_ADD of a member who just joined: attribute the join.</summary>
    Joined,
}
