namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// One of a guild's invites as last read from Discord (REST snapshot, INVITE_CREATE, INVITE_DELETE), the vanity URL
/// included. Rows stay after the invite is deleted (<see cref="DeletedAt"/>), so the joins it brought keep their inviter.
/// </summary>
public sealed class Invite
{
    public long GuildId { get; set; }

    /// <summary>The invite code (<c>discord.gg/CODE</c>), or the vanity URL's code.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>Who made the invite; null for the vanity URL, an unknown inviter, or a forgotten member.</summary>
    public long? InviterId { get; set; }

    /// <summary>The channel the invite leads to; null for the vanity URL or when not said.</summary>
    public long? ChannelId { get; set; }

    /// <summary>Uses as Discord last reported them.</summary>
    public int Uses { get; set; }

    /// <summary>Maximum uses; 0 means unlimited.</summary>
    public int MaxUses { get; set; }

    /// <summary>When the invite expires (epoch ms); null when it never does.</summary>
    public long? ExpiresAt { get; set; }

    /// <summary>The guild's vanity URL rather than an ordinary invite.</summary>
    public bool IsVanity { get; set; }

    /// <summary>When Discord last listed the invite (epoch ms).</summary>
    public long SeenAt { get; set; }

    /// <summary>When the invite was deleted or found missing from a snapshot (epoch ms); null while it exists.</summary>
    public long? DeletedAt { get; set; }
}
