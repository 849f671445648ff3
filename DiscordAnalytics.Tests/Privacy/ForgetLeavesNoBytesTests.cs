using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>
/// Forgetting a member leaves no byte of theirs in the store: the real app is fed through its real pipeline (messages
/// with excerpts, an edit, a forum post they titled, a join, reactions), a digest and the insights name them, the member
/// is forgotten over HTTP, the log is checkpointed into the file, and the database and log files are read as bytes.
/// </summary>
public sealed class ForgetLeavesNoBytesTests
{
    private const ulong Guild = 5_353_000_000_000_000_001;
    private const ulong General = 5_353_000_000_000_000_101;
    private const ulong Forum = 5_353_000_000_000_000_102;

    /// <summary>Large enough to be stored as an 8-byte integer, so its binary forms can be searched too.</summary>
    private const ulong Ada = 867_530_912_345_678_901;
    private const ulong Bo = 867_530_912_345_000_002;
    private const string AdaName = "Zephyrine Quillfeather";
    private const string ThreadTitle = "Brass orrery wobble after oiling";
    private static readonly string[] AdaExcerpts =
    [
        "my quokkaberry jam recipe needs a pinch of cardamom",
        "the zygomorphic orchid finally bloomed on the windowsill",
        "edited: the zygomorphic orchid bloomed twice this spring",
    ];

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Forget_PopulatedStore_NoByteOfTheirIdNameTitleOrExcerptsInDatabaseOrLog()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        await app.IngestAsync(Events());
        using (var created = await client.PostAsync($"/api/guilds/{Guild}/digests", null))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var digest = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(AdaName, digest.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.Contains(AdaExcerpts[0], digest.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(AdaName, await client.GetStringAsync($"/api/guilds/{Guild}/insights?window=7d"), StringComparison.Ordinal);
        var store = Path.Combine(app.DataFolder, "analytics.db");
        var before = await StoreBytesAsync(store, checkpoint: false);
        // (The text before the edit never reached the disk: the create and the edit were committed together.)
        foreach (var text in Needles().Where(t => t != AdaExcerpts[1]))
        {
            Assert.True(Contains(before, Encoding.UTF8.GetBytes(text)), $"the scan finds '{text}' before the forget");
        }

        using var forget = await client.PutAsync($"/api/guilds/{Guild}/members/{Ada}/privacy", RequestBody.Json("""{ "choice": "forgotten" }"""));
        Assert.Equal(HttpStatusCode.OK, forget.StatusCode);

        // A later THREAD_UPDATE of their forum post (the gateway's channel object names its owner) brings no title back.
        var update = JsonDocument.Parse($$"""{"id":"{{ForumPost}}","guild_id":"{{Guild}}","parent_id":"{{Forum}}","type":11,"name":"{{ThreadTitle}}","owner_id":"{{Ada}}"}""").RootElement;
        await app.IngestAsync(new DispatchNormalizer(TimeProvider.System, NullLogger<DispatchNormalizer>.Instance).NormalizeChannel(Guild, update, At(0)));

        Assert.DoesNotContain(AdaName, await client.GetStringAsync($"/api/guilds/{Guild}/insights?window=7d"), StringComparison.Ordinal);
        var bytes = await StoreBytesAsync(store, checkpoint: true);
        foreach (var text in Needles())
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(text)), $"'{text}' is still in the store's bytes");
        }

        // As an integer their id stays in exactly one row: the forgotten marker that drops their later events. Without it
        // (on a copy), no byte of the id is left in any other table or index, in either byte order.
        var copy = Path.Combine(app.DataFolder, "copy.db");
        File.Copy(store, copy);
        await using (var connection = await SqlitePragmas.OpenAsync($"Data Source={copy};Pooling=False", CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM memberPrivacy WHERE userId = {Ada}; PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        var withoutMarker = await StoreBytesAsync(copy, checkpoint: false);
        Assert.False(Contains(withoutMarker, Int64(Ada, bigEndian: true)), "their id as a big-endian integer");
        Assert.False(Contains(withoutMarker, Int64(Ada, bigEndian: false)), "their id as a little-endian integer");
        Assert.True(Contains(withoutMarker, Int64(Bo, bigEndian: true)), "the scan finds a member who was not forgotten");
    }

    /// <summary>Their excerpts (the edited one too), name, forum post title and id as text.</summary>
    private static IEnumerable<string> Needles() =>
        AdaExcerpts.Append(AdaName).Append(ThreadTitle).Append(Ada.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ulong ForumPost => Snowflake.FromUnixMs(At(2)) + 7;

    private static long At(int daysAgo, int minute = 0) => Now.AddDays(-daysAgo).AddMinutes(minute).ToUnixTimeMilliseconds();

    private static List<IngestEvent> Events()
    {
        var first = Snowflake.FromUnixMs(At(3));
        var second = Snowflake.FromUnixMs(At(2, 5));
        var bos = Snowflake.FromUnixMs(At(2, 10));
        return
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = At(30), Name = "Byte Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = At(30), ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = At(30), ChannelId = Forum, Name = "help-forum", ChannelType = ChannelTypes.Forum },
            new() { Type = IngestEventType.MemberAdd, GuildId = Guild, EventAt = At(4), UserId = Ada, Name = AdaName },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = At(4), UserId = Ada, Name = AdaName },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = At(4), UserId = Bo, Name = "Bo" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = At(3), ChannelId = General, MessageId = first, UserId = Ada, Excerpt = AdaExcerpts[0] },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = At(2, 5), ChannelId = General, MessageId = second, UserId = Ada, Excerpt = AdaExcerpts[1] },
            new() { Type = IngestEventType.MessageUpdate, GuildId = Guild, EventAt = At(2, 6), ChannelId = General, MessageId = second, UserId = Ada, Excerpt = AdaExcerpts[2], EditedAt = At(2, 6) },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = At(2, 10), ChannelId = General, MessageId = bos, UserId = Bo, Excerpt = "bo says hello" },

            // Their forum post: the thread and its starter message share an id.
            new() { Type = IngestEventType.ThreadCreate, GuildId = Guild, EventAt = At(2), ChannelId = ForumPost, ParentId = Forum, UserId = Ada, Name = ThreadTitle, ChannelType = ChannelTypes.PublicThread },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = At(2), ChannelId = ForumPost, MessageId = ForumPost, UserId = Ada, Excerpt = "the orrery wobbles since I oiled the gears" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = At(2, 20), ChannelId = General, MessageId = first, UserId = Bo, Emoji = "👍" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = At(2, 21), ChannelId = General, MessageId = second, UserId = Bo, Emoji = "🎉" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = At(2, 22), ChannelId = General, MessageId = bos, UserId = Ada, Emoji = "👍" },
            new() { Type = IngestEventType.ReactionRemove, GuildId = Guild, EventAt = At(2, 23), ChannelId = General, MessageId = bos, UserId = Ada, Emoji = "👍" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = At(2, 24), ChannelId = General, MessageId = bos, UserId = Ada, Emoji = "🔥" },
        ];
    }

    /// <summary>The database file and its log, as bytes; checkpointed first (the log copied in and cut to nothing) when asked.</summary>
    private static async Task<byte[]> StoreBytesAsync(string path, bool checkpoint)
    {
        if (checkpoint)
        {
            await using var connection = await SqlitePragmas.OpenAsync($"Data Source={path};Pooling=False", CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(0L, reader.GetInt64(0));
        }

        var bytes = new List<byte>();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            bytes.AddRange(buffer.ToArray());
        }

        return [.. bytes];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] Int64(ulong id, bool bigEndian)
    {
        var bytes = new byte[8];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, id);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, id);
        }

        return bytes;
    }
}
