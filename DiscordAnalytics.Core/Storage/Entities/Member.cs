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
}
