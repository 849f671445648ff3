namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// One join of a member, kept beside <see cref="Member"/> (which holds only the latest), so the Invites card judges every
/// join on its own: a member who joined twice through two invites counts once for each (docs/how-it-counts.md, Invites).
/// </summary>
public sealed class MemberJoin
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    /// <summary>When they joined (epoch ms); with the guild and member, the join's identity.</summary>
    public long JoinedAt { get; set; }

    public bool IsBot { get; set; }

    /// <summary>When this stay ended (epoch ms): their leave, or their next join when no leave was seen; null while it lasts.</summary>
    public long? LeftAt { get; set; }

    /// <summary>
    /// Creation time (epoch ms) of their earliest counted message in the 7 x 24 hours from <see cref="JoinedAt"/> during this
    /// stay (a post after a later join belongs to that join); null when none.
    /// </summary>
    public long? FirstPostAt { get; set; }

    /// <summary>Whether the join was attributed (to <see cref="InviteCode"/>, or to unknown when that is null).</summary>
    public bool IsAttributed { get; set; }

    /// <summary>The invite the join came through; null when unknown or not attributed.</summary>
    public string? InviteCode { get; set; }
}
