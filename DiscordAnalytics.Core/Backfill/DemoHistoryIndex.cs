using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// The demo community's history up to a moment, replayed into the state Discord's REST API would show then:
/// messages per channel (deleted ones gone, latest edit), present reactors per emoji, threads and names.
/// </summary>
internal sealed class DemoHistoryIndex
{
    private readonly Dictionary<ulong, IndexedMessage> _messages = [];
    private readonly Dictionary<ulong, List<IndexedMessage>> _byChannel = [];

    private DemoHistoryIndex(long builtAt) => BuiltAt = builtAt;

    public long BuiltAt { get; }

    public Dictionary<ulong, IndexedThread> Threads { get; } = [];

    public Dictionary<ulong, (string Name, bool IsBot)> Names { get; } = [];

    public static DemoHistoryIndex Build(DemoCommunity community, long fromMs, long toMs)
    {
        var index = new DemoHistoryIndex(toMs);
        foreach (var e in community.Metadata(toMs).Where(e => e.Type == IngestEventType.MemberUpsert))
        {
            index.Names[e.UserId!.Value] = (e.Name ?? string.Empty, e.IsBot);
        }

        foreach (var e in community.Activity(fromMs, toMs))
        {
            index.Apply(e);
        }

        foreach (var list in index._byChannel.Values)
        {
            list.Sort((a, b) => b.Id.CompareTo(a.Id));
        }

        return index;
    }

    /// <summary>Up to <paramref name="limit"/> present messages of a channel older than <paramref name="before"/>, newest first.</summary>
    public IReadOnlyList<IndexedMessage> Page(ulong channelId, ulong? before, int limit) =>
        _byChannel.TryGetValue(channelId, out var list)
            ? [.. list.Where(m => !m.Deleted && (before is null || m.Id < before)).Take(limit)]
            : [];

    private void Apply(IngestEvent e)
    {
        switch (e.Type)
        {
            case IngestEventType.MessageCreate:
                var message = new IndexedMessage(e.MessageId!.Value, e.ChannelId!.Value, e.UserId!.Value, e.IsBot, e.EventAt, e.ReferencedMessageId) { Excerpt = e.Excerpt };
                _messages[message.Id] = message;
                if (!_byChannel.TryGetValue(message.ChannelId, out var list))
                {
                    _byChannel[message.ChannelId] = list = [];
                }

                list.Add(message);
                if (Threads.TryGetValue(message.ChannelId, out var thread))
                {
                    thread.LastMessageAt = Math.Max(thread.LastMessageAt, e.EventAt);
                }

                break;
            case IngestEventType.MessageUpdate when Find(e) is { } edited:
                edited.Excerpt = e.Excerpt ?? edited.Excerpt;
                break;
            case IngestEventType.MessageDelete when Find(e) is { } deleted:
                deleted.Deleted = true;
                break;
            case IngestEventType.ReactionAdd when Find(e) is { } reacted:
                if (!reacted.Reactions.TryGetValue(e.Emoji!, out var users))
                {
                    reacted.Reactions[e.Emoji!] = users = [];
                }

                users.Add(e.UserId!.Value);
                break;
            case IngestEventType.ReactionRemove when Find(e) is { } unreacted && unreacted.Reactions.TryGetValue(e.Emoji!, out var present):
                present.Remove(e.UserId!.Value);
                break;
            case IngestEventType.ReactionRemoveEmoji when Find(e) is { } cleared:
                cleared.Reactions.Remove(e.Emoji!);
                break;
            case IngestEventType.ReactionRemoveAll when Find(e) is { } all:
                all.Reactions.Clear();
                break;
            case IngestEventType.ThreadCreate:
                Threads[e.ChannelId!.Value] = new IndexedThread(e.ChannelId.Value, e.ParentId ?? 0, e.Name ?? string.Empty, e.UserId, e.ChannelType ?? 11) { LastMessageAt = e.EventAt };
                break;
        }
    }

    private IndexedMessage? Find(IngestEvent e) => e.MessageId is { } id ? _messages.GetValueOrDefault(id) : null;

    /// <summary>A message as REST would show it now.</summary>
    internal sealed class IndexedMessage(ulong id, ulong channelId, ulong authorId, bool isBot, long createdAt, ulong? replyTo)
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

    /// <summary>A thread or forum post.</summary>
    internal sealed class IndexedThread(ulong id, ulong parentId, string name, ulong? ownerId, int type)
    {
        public ulong Id { get; } = id;

        public ulong ParentId { get; } = parentId;

        public string Name { get; } = name;

        public ulong? OwnerId { get; } = ownerId;

        public int Type { get; } = type;

        public long LastMessageAt { get; set; }
    }
}
