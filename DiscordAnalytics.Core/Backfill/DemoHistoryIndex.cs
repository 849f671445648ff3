using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// The demo community's history up to a moment, replayed into the state Discord's REST API would show then:
/// messages per channel (deleted ones gone, latest edit), present reactors per emoji, threads and names.
/// </summary>
internal sealed class DemoHistoryIndex
{
    private readonly Dictionary<ulong, DemoHistoryMessage> _messages = [];
    private readonly Dictionary<ulong, List<DemoHistoryMessage>> _byChannel = [];

    private DemoHistoryIndex(long builtAt) => BuiltAt = builtAt;

    public long BuiltAt { get; }

    public Dictionary<ulong, DemoHistoryThread> Threads { get; } = [];

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
    public IReadOnlyList<DemoHistoryMessage> Page(ulong channelId, ulong? before, int limit) =>
        _byChannel.TryGetValue(channelId, out var list)
            ? [.. list.Where(m => !m.Deleted && (before is null || m.Id < before)).Take(limit)]
            : [];

    private void Apply(IngestEvent e)
    {
        switch (e.Type)
        {
            case IngestEventType.MessageCreate:
                var message = new DemoHistoryMessage(e.MessageId!.Value, e.ChannelId!.Value, e.UserId!.Value, e.IsBot, e.EventAt, e.ReferencedMessageId) { Excerpt = e.Excerpt };
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
                Threads[e.ChannelId!.Value] = new DemoHistoryThread(e.ChannelId.Value, e.ParentId ?? 0, e.Name ?? string.Empty, e.UserId, e.ChannelType ?? ChannelTypes.PublicThread) { LastMessageAt = e.EventAt };
                break;
        }
    }

    private DemoHistoryMessage? Find(IngestEvent e) => e.MessageId is { } id ? _messages.GetValueOrDefault(id) : null;
}
