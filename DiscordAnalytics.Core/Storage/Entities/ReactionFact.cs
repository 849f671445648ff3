namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A present reaction (message, emoji, reactor). Reactions are state: a row exists while the reaction
/// does. It remembers where it was counted so a removal subtracts exactly that.
/// </summary>
public sealed class ReactionFact
{
    public long GuildId { get; set; }

    public long MessageId { get; set; }

    public string Emoji { get; set; } = string.Empty;

    public long UserId { get; set; }

    /// <summary>The channel counted (the message's parent channel for threads).</summary>
    public long ChannelId { get; set; }

    /// <summary>The day of the reacted message (from its snowflake), the bucket the reaction counts in.</summary>
    public int Day { get; set; }

    public bool IsBot { get; set; }

    public long CreatedAt { get; set; }
}
