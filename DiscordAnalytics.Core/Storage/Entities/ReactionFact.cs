namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// The state of one reaction (message, emoji, reactor): present while <see cref="RemovedAt"/> is null,
/// removed (a tombstone) after. Reactions are state, and this row is also their dedupe record (no raw
/// event row is kept for an add): a re-delivered add older than the removal changes nothing, a later
/// add brings the reaction back. It remembers where it was counted so a removal subtracts exactly that.
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

    /// <summary>When the reaction was (last) added.</summary>
    public long CreatedAt { get; set; }

    /// <summary>When the reaction was removed (by its reactor, a remove-all or a remove-emoji); null while present.</summary>
    public long? RemovedAt { get; set; }
}
