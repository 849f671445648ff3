namespace DiscordAnalytics.Core.Backfill;

/// <summary>A demo message as Discord's REST API would show it at the replay's moment.</summary>
internal sealed class DemoHistoryMessage(ulong id, ulong channelId, ulong authorId, bool isBot, long createdAt, ulong? replyTo)
{
    public ulong Id { get; } = id;

    public ulong ChannelId { get; } = channelId;

    public ulong AuthorId { get; } = authorId;

    public bool IsBot { get; } = isBot;

    public long CreatedAt { get; } = createdAt;

    public ulong? ReplyTo { get; } = replyTo;

    public string? Excerpt { get; set; }

    public bool Deleted { get; set; }

    /// <summary>Present reactors per emoji key.</summary>
    public Dictionary<string, HashSet<ulong>> Reactions { get; } = new(StringComparer.Ordinal);
}
