namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// One row per message we know of. A delete keeps the row as a tombstone (<see cref="DeletedAt"/>), so a
/// create or reaction that arrives after its delete is recognised and not counted.
/// </summary>
public sealed class MessageFact
{
    public long GuildId { get; set; }

    public long MessageId { get; set; }

    /// <summary>The channel counted for the message: the parent channel for thread messages.</summary>
    public long ChannelId { get; set; }

    public long? ThreadId { get; set; }

    /// <summary>Null for a tombstone of a message we never saw created.</summary>
    public long? AuthorId { get; set; }

    public bool IsBot { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>UTC day bucket of <see cref="CreatedAt"/>: floor(ms / 86,400,000).</summary>
    public int Day { get; set; }

    /// <summary>At most 280 characters of content, when content was available.</summary>
    public string? Excerpt { get; set; }

    public long? ReferencedMessageId { get; set; }

    public long? EditedAt { get; set; }

    public long? DeletedAt { get; set; }

    /// <summary>What the message carries; null when it was stored before kinds were measured (it then counts in no kind rollup).</summary>
    public MessageKinds? Kinds { get; set; }

    /// <summary>Content length in characters (Unicode code points), measured at ingestion: the content itself is never kept whole.</summary>
    public int? ContentLength { get; set; }

    /// <summary>
    /// The emojis typed in the content, measured at ingestion (<see cref="Ingestion.Emojis.ContentEmojis"/>): what the
    /// message counts in <see cref="ContentEmojiDay"/>, so an edit, a delete or a forget takes back exactly that. Null when
    /// it has none, or was stored before they were measured.
    /// </summary>
    public string? Emojis { get; set; }

    /// <summary>True once a create was ingested (false for tombstones made by an early delete).</summary>
    public bool IsCreated { get; set; }
}
