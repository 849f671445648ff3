using System.Globalization;
using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// History of the demo community, served in Discord's REST shapes so backfill runs its real path without a
/// token. Pages come from the same deterministic generator the demo ingests at first start, so messages and
/// reactions overlap exactly and dedupe absorbs them: a demo backfill changes no count unless it reaches past
/// <c>Demo:HistoryDays</c>. The mod-log channel answers 403 (the bot "lacks access"), to show a skipped channel.
/// Requests are paced at <see cref="BackfillOptions.DemoRequestsPerSecond"/> so progress is visible.
/// </summary>
public sealed class DemoHistorySource(IOptions<DemoOptions> demo, IOptions<BackfillOptions> backfill, TimeProvider time) : IHistorySource
{
    /// <summary>A replay older than this is rebuilt, so a later run sees the history up to its own start.</summary>
    private static readonly TimeSpan IndexLifetime = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ArchivedAfterQuiet = TimeSpan.FromDays(7);

    private readonly Lazy<DemoCommunity> _community = new(() => DemoCommunity.Create(demo.Value.Seed));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DemoHistoryIndex? _index;

    public string Kind => "demo";

    public async Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await PaceAsync(cancellationToken).ConfigureAwait(false);
        var community = Community(guildId);
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var channel in community.Channels)
            {
                w.WriteStartObject();
                w.WriteString("id", Id(channel.Id));
                w.WriteString("guild_id", Id(community.GuildId));
                w.WriteNumber("type", channel.Type);
                w.WriteString("name", channel.Name);
                if (channel.ParentId is { } parent)
                {
                    w.WriteString("parent_id", Id(parent));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    public async Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await PaceAsync(cancellationToken).ConfigureAwait(false);
        Community(guildId);
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var quietSince = index.BuiltAt - (long)ArchivedAfterQuiet.TotalMilliseconds;
        return WriteThreads(index.Threads.Values.Where(t => t.LastMessageAt >= quietSince).OrderByDescending(t => t.Id), archived: false, index.BuiltAt);
    }

    public async Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        await PaceAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfForbidden(channelId);
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var quietSince = index.BuiltAt - (long)ArchivedAfterQuiet.TotalMilliseconds;
        var archived = index.Threads.Values
            .Where(t => t.ParentId == channelId && t.LastMessageAt < quietSince && (before is null || ArchivedAt(t) < before.Value.ToUnixTimeMilliseconds()))
            .OrderByDescending(ArchivedAt)
            .ToList();
        var page = archived.Take(DiscordRestClient.PageSize).ToList();
        return new ArchivedThreadsPage(WriteThreads(page, archived: true, index.BuiltAt), archived.Count > page.Count);
    }

    public async Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken)
    {
        await PaceAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfForbidden(channelId);
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var page = index.Page(channelId, before, DiscordRestClient.PageSize);
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var m in page)
            {
                WriteMessage(w, m, index);
            }

            w.WriteEndArray();
        });
    }

    public async Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken)
    {
        await PaceAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfForbidden(channelId);
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var message = index.Page(channelId, messageId + 1, 1).FirstOrDefault(m => m.Id == messageId);
        var users = message is not null && message.Reactions.TryGetValue(emoji, out var set)
            ? set.Where(u => after is null || u > after).Order().Take(DiscordRestClient.PageSize).ToList()
            : [];
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var user in users)
            {
                WriteUser(w, user, index);
            }

            w.WriteEndArray();
        });
    }

    private DemoCommunity Community(ulong guildId)
    {
        var community = _community.Value;
        return community.GuildId == guildId
            ? community
            : throw new DiscordRestException("404: Unknown Guild", HttpStatusCode.NotFound);
    }

    private void ThrowIfForbidden(ulong channelId)
    {
        if (_community.Value.Channels.FirstOrDefault(c => c.Id == channelId) is { Kind: DemoChannelKind.ModLog })
        {
            throw new DiscordRestException("403: Missing Access", HttpStatusCode.Forbidden);
        }
    }

    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var perSecond = backfill.Value.DemoRequestsPerSecond;
        if (perSecond > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(1 / perSecond), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DemoHistoryIndex> IndexAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (_index is null || now - _index.BuiltAt > IndexLifetime.TotalMilliseconds)
            {
                var from = now - (backfill.Value.MaxDays + 1) * DemoRhythm.DayMs;
                _index = await Task.Run(() => DemoHistoryIndex.Build(_community.Value, from, now), cancellationToken).ConfigureAwait(false);
            }

            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static long ArchivedAt(DemoHistoryThread thread) => thread.LastMessageAt + (long)TimeSpan.FromHours(1).TotalMilliseconds;

    private IReadOnlyList<JsonElement> WriteThreads(IEnumerable<DemoHistoryThread> threads, bool archived, long now) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var t in threads)
        {
            w.WriteStartObject();
            w.WriteString("id", Id(t.Id));
            w.WriteString("guild_id", Id(_community.Value.GuildId));
            w.WriteString("parent_id", Id(t.ParentId));
            w.WriteNumber("type", t.Type);
            w.WriteString("name", t.Name);
            if (t.OwnerId is { } owner)
            {
                w.WriteString("owner_id", Id(owner));
            }

            w.WriteStartObject("thread_metadata");
            w.WriteBoolean("archived", archived);
            w.WriteString("archive_timestamp", Iso(archived ? ArchivedAt(t) : now));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteMessage(Utf8JsonWriter w, DemoHistoryMessage m, DemoHistoryIndex index)
    {
        w.WriteStartObject();
        w.WriteString("id", Id(m.Id));
        w.WriteString("channel_id", Id(m.ChannelId));
        w.WriteNumber("type", m.ReplyTo is null ? 0 : 19);
        w.WriteString("content", m.Excerpt ?? string.Empty);
        w.WriteString("timestamp", Iso(m.CreatedAt));
        w.WritePropertyName("author");
        WriteUser(w, m.AuthorId, index, m.IsBot);
        if (m.ReplyTo is { } replyTo)
        {
            w.WriteStartObject("message_reference");
            w.WriteNumber("type", 0);
            w.WriteString("message_id", Id(replyTo));
            w.WriteString("channel_id", Id(m.ChannelId));
            w.WriteEndObject();
        }

        w.WriteStartArray("reactions");
        foreach (var (emoji, users) in m.Reactions.Where(r => r.Value.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteNumber("count", users.Count);
            w.WriteBoolean("me", false);
            w.WriteStartObject("emoji");
            var colon = emoji.LastIndexOf(':');
            if (colon > 0 && ulong.TryParse(emoji.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var emojiId))
            {
                w.WriteString("id", Id(emojiId));
                w.WriteString("name", emoji[..colon]);
            }
            else
            {
                w.WriteNull("id");
                w.WriteString("name", emoji);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter w, ulong userId, DemoHistoryIndex index, bool? isBot = null)
    {
        var known = index.Names.TryGetValue(userId, out var name);
        w.WriteStartObject();
        w.WriteString("id", Id(userId));
        w.WriteString("username", known ? name.Name : $"member-{userId % 10_000}");
        w.WriteBoolean("bot", isBot ?? (known && name.IsBot));
        w.WriteEndObject();
    }

    private static IReadOnlyList<JsonElement> Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return Json.ArrayItems(document.RootElement);
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
