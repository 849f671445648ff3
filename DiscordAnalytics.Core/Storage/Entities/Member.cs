namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>A guild member (or bot) we have seen, for names and the bot flag.</summary>
public sealed class Member
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public bool IsBot { get; set; }

    /// <summary>Last join seen (epoch ms).</summary>
    public long? JoinedAt { get; set; }

    /// <summary>Last leave seen (epoch ms); null while the member is in the guild.</summary>
    public long? LeftAt { get; set; }

    /// <summary>
    /// Creation time (epoch ms) of their earliest counted message in the 7 x 24 hours from <see cref="JoinedAt"/> (the
    /// latest join); null when they posted none there. Kept by the ingestion writer for new-member activation.
    /// </summary>
    public long? FirstPostAt { get; set; }

    /// <summary>
    /// The invite credited with the join at <see cref="InviteJoinedAt"/> (docs/how-it-counts.md, Invites); null with a set
    /// <see cref="InviteJoinedAt"/> means "unknown" (no invite's uses rose, or several did). The attribution belongs to the
    /// latest join only when <see cref="InviteJoinedAt"/> equals <see cref="JoinedAt"/>.
    /// </summary>
    public string? InviteCode { get; set; }

    /// <summary>The join (epoch ms) the invite attribution is for; null when that join was never attributed.</summary>
    public long? InviteJoinedAt { get; set; }
}
