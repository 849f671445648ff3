namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A raw normalized event, append-only, keyed by the dedupe key (guild, type, event id) led by
/// <see cref="KeyAt"/>, a time computed from that key (see IngestEvent.KeyAt), so the key is exactly as
/// unique as the dedupe key while rows are stored in time order. Content is not kept here: the excerpt
/// lives on the message fact. Pruned after Retention:RawEventDays.
/// </summary>
public sealed class AnalyticsEvent
{
    public long GuildId { get; set; }

    /// <summary>Time derived from the dedupe key: leads the stored key, and is what retention prunes by.</summary>
    public long KeyAt { get; set; }

    public string EventType { get; set; } = string.Empty;

    public string EventId { get; set; } = string.Empty;

    public long EventAt { get; set; }

    public long? ChannelId { get; set; }

    public long? ThreadId { get; set; }

    public long? MessageId { get; set; }

    public long? UserId { get; set; }

    public string? Emoji { get; set; }

    public bool IsBot { get; set; }
}
