using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// The guild history the emulator's REST surface serves: channels, active and archived threads, messages per
/// channel (with reaction counts and reactors), and channels that answer 403. Tests fill it, then compare what
/// the store holds with <see cref="MessagesSince"/> (the ground truth).
/// </summary>
public sealed class EmulatorHistory
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _channels = [];
    private readonly List<JsonObject> _activeThreads = [];
    private readonly Dictionary<string, List<JsonObject>> _archivedThreads = [];
    private readonly Dictionary<string, List<JsonObject>> _messages = [];
    private readonly ConcurrentDictionary<string, bool> _forbidden = new();
    private readonly List<JsonObject> _members = [];

    /// <summary>True once anything was added: the REST surface then answers from here instead of the fixtures.</summary>
    public bool IsConfigured { get; private set; }

    /// <summary>Page size of archived-thread listings (Discord: up to 100); small values exercise <c>has_more</c>.</summary>
    public int ArchivedPageSize { get; set; } = 100;

    public void AddChannel(string id, string name, int type, string? parentId = null) => Add(_channels, Channel(id, name, type, parentId));

    public void AddActiveThread(string id, string parentId, string name, string ownerId) =>
        Add(_activeThreads, Thread(id, parentId, name, ownerId, archived: false, DateTimeOffset.UtcNow));

    public void AddArchivedThread(string id, string parentId, string name, string ownerId, DateTimeOffset archivedAt)
    {
        lock (_gate)
        {
            IsConfigured = true;
            if (!_archivedThreads.TryGetValue(parentId, out var list))
            {
                _archivedThreads[parentId] = list = [];
            }

            list.Add(Thread(id, parentId, name, ownerId, archived: true, archivedAt));
        }
    }

    /// <summary>A message; <paramref name="reactions"/> are (emoji name, reactor ids).</summary>
    public void AddMessage(string channelId, ulong id, string authorId, string authorName, bool bot = false, string content = "hello", int type = 0, params (string Emoji, string[] Reactors)[] reactions)
    {
        var message = new JsonObject
        {
            ["id"] = Id(id),
            ["channel_id"] = channelId,
            ["type"] = type,
            ["content"] = content,
            ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(Core.Discord.Snowflake.ToUnixMs(id)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = authorName, ["bot"] = bot },
            ["reactions"] = new JsonArray([.. reactions.Select(r => (JsonNode)new JsonObject
            {
                ["count"] = r.Reactors.Length,
                ["me"] = false,
                ["emoji"] = new JsonObject { ["id"] = null, ["name"] = r.Emoji },
                ["reactors"] = new JsonArray([.. r.Reactors.Select(u => (JsonNode)JsonValue.Create(u))]),
            })]),
        };
        lock (_gate)
        {
            IsConfigured = true;
            if (!_messages.TryGetValue(channelId, out var list))
            {
                _messages[channelId] = list = [];
            }

            list.Add(message);
        }
    }

    /// <summary>A member of the guild's member list (<c>GET /guilds/{id}/members</c>), joined at <paramref name="joinedAt"/>, holding <paramref name="roles"/>.</summary>
    public void AddMember(string userId, string name, DateTimeOffset joinedAt, params string[] roles) => Add(_members, new JsonObject
    {
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = name, ["bot"] = false },
        ["nick"] = null,
        ["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
        ["joined_at"] = joinedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
    });

    /// <summary>The member as GUILD_MEMBER_ADD carries it (the member object plus <c>guild_id</c>).</summary>
    public string MemberAddJson(string guildId, string userId)
    {
        lock (_gate)
        {
            var member = _members.Single(m => m["user"]!["id"]!.GetValue<string>() == userId).DeepClone().AsObject();
            member["guild_id"] = guildId;
            return member.ToJsonString();
        }
    }

    /// <summary>Requests for this channel's messages and archived threads answer 403 Missing Access.</summary>
    public void Forbid(string channelId) => _forbidden[channelId] = true;

    public bool IsForbidden(string channelId) => _forbidden.ContainsKey(channelId);

    /// <summary>Ground truth: ids of the messages of <paramref name="channelId"/> created at or after <paramref name="cutoffMs"/>.</summary>
    public IReadOnlyList<ulong> MessagesSince(string channelId, long cutoffMs)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(channelId, out var list)
                ? [.. list.Select(m => ulong.Parse(m["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)).Where(id => Core.Discord.Snowflake.ToUnixMs(id) >= cutoffMs)]
                : [];
        }
    }

    internal string ChannelsJson(string guildId)
    {
        lock (_gate)
        {
            return new JsonArray([.. _channels.Select(c => { var copy = c.DeepClone(); copy["guild_id"] = guildId; return copy; })]).ToJsonString();
        }
    }

    internal string ActiveThreadsJson()
    {
        lock (_gate)
        {
            return new JsonObject { ["threads"] = new JsonArray([.. _activeThreads.Select(t => t.DeepClone())]), ["members"] = new JsonArray() }.ToJsonString();
        }
    }

    /// <summary>Archived threads by archive time, newest first, older than <paramref name="before"/>.</summary>
    internal string ArchivedThreadsJson(string channelId, DateTimeOffset? before)
    {
        lock (_gate)
        {
            var all = (_archivedThreads.GetValueOrDefault(channelId) ?? [])
                .Select(t => (Thread: t, At: DateTimeOffset.Parse(t["thread_metadata"]!["archive_timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
                .Where(t => before is null || t.At < before)
                .OrderByDescending(t => t.At)
                .ToList();
            var page = all.Take(ArchivedPageSize).Select(t => t.Thread.DeepClone()).ToList();
            return new JsonObject { ["threads"] = new JsonArray([.. page]), ["members"] = new JsonArray(), ["has_more"] = all.Count > page.Count }.ToJsonString();
        }
    }

    /// <summary>Discord's answer to <c>GET /channels/{id}/messages?limit&amp;before</c>: newest first, at most <paramref name="limit"/>.</summary>
    internal string MessagesJson(string channelId, ulong? before, int limit)
    {
        lock (_gate)
        {
            var page = (_messages.GetValueOrDefault(channelId) ?? [])
                .Select(m => (Message: m, Id: ulong.Parse(m["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
                .Where(m => before is null || m.Id < before)
                .OrderByDescending(m => m.Id)
                .Take(limit)
                .Select(m => Public(m.Message))
                .ToList();
            return new JsonArray([.. page]).ToJsonString();
        }
    }

    /// <summary>Discord's answer to <c>GET /guilds/{id}/members?limit&amp;after</c>: by user id, ascending.</summary>
    internal string MembersJson(ulong? after, int limit)
    {
        lock (_gate)
        {
            return new JsonArray([.. _members
                .Select(m => (Member: m, Id: ulong.Parse(m["user"]!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
                .Where(m => after is null || m.Id > after)
                .OrderBy(m => m.Id)
                .Take(limit)
                .Select(m => m.Member.DeepClone())]).ToJsonString();
        }
    }

    /// <summary>Users who reacted with <paramref name="emoji"/>, by id, after <paramref name="after"/>.</summary>
    internal string ReactorsJson(string channelId, string messageId, string emoji, ulong? after, int limit)
    {
        lock (_gate)
        {
            var message = (_messages.GetValueOrDefault(channelId) ?? []).FirstOrDefault(m => m["id"]!.GetValue<string>() == messageId);
            var reaction = message?["reactions"]!.AsArray().FirstOrDefault(r => r!["emoji"]!["name"]!.GetValue<string>() == emoji);
            var users = reaction is null ? [] : reaction["reactors"]!.AsArray()
                .Select(u => ulong.Parse(u!.GetValue<string>(), CultureInfo.InvariantCulture))
                .Where(u => after is null || u > after)
                .Order()
                .Take(limit)
                .Select(u => (JsonNode)new JsonObject { ["id"] = Id(u), ["username"] = $"user{u % 1000}", ["bot"] = false })
                .ToList();
            return new JsonArray([.. users]).ToJsonString();
        }
    }

    /// <summary>The message as Discord sends it (the emulator's reactor lists stay private).</summary>
    private static JsonNode Public(JsonObject message)
    {
        var copy = message.DeepClone().AsObject();
        foreach (var reaction in copy["reactions"]!.AsArray())
        {
            reaction!.AsObject().Remove("reactors");
        }

        return copy;
    }

    private void Add(List<JsonObject> list, JsonObject item)
    {
        lock (_gate)
        {
            IsConfigured = true;
            list.Add(item);
        }
    }

    private static JsonObject Channel(string id, string name, int type, string? parentId) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["name"] = name,
        ["parent_id"] = parentId,
    };

    private static JsonObject Thread(string id, string parentId, string name, string ownerId, bool archived, DateTimeOffset archivedAt) => new()
    {
        ["id"] = id,
        ["type"] = 11,
        ["name"] = name,
        ["parent_id"] = parentId,
        ["owner_id"] = ownerId,
        ["thread_metadata"] = new JsonObject
        {
            ["archived"] = archived,
            ["archive_timestamp"] = archivedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        },
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
