using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A real, migrated SQLite store in a temp folder, filled through the real <see cref="IngestionBatchWriter"/>
/// (no mocks of our store), with small builders for the normalized events tests need. Deleted on dispose.
/// </summary>
public sealed class SeededStore : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Template = new(MigrateTemplateAsync);

    private readonly DirectoryInfo _folder;
    private readonly IngestionBatchWriter _writer;

    private SeededStore(DirectoryInfo folder)
    {
        _folder = folder;
        Path = System.IO.Path.Combine(folder.FullName, "analytics.db");
        ConnectionString = $"Data Source={Path}";
        _writer = new IngestionBatchWriter(ConnectionString, "demo", NullLogger.Instance);
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// A fresh store: a copy of one file migrated once per test run (migrating costs far more than copying,
    /// and UI tests create a store each).
    /// </summary>
    public static async Task<SeededStore> CreateAsync()
    {
        var template = await Template.Value;
        var store = new SeededStore(Directory.CreateTempSubdirectory("da-ui-test-"));
        File.Copy(template, store.Path);
        return store;
    }

    /// <summary>Writes the events in one batch, exactly as the ingestion pipeline would.</summary>
    public async Task WriteAsync(params IngestEvent[] events)
    {
        var outcome = await _writer.WriteAsync(events, CancellationToken.None);
        Assert.Equal(0, outcome.Rejected);
    }

    /// <summary>Runs raw SQL against the store (to break it on purpose, for failure tests).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the OS cleans its temp folder.
        }
    }

    private static async Task<string> MigrateTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("da-ui-template-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        };

        var path = System.IO.Path.Combine(folder.FullName, "template.db");
        // No pooling: closing the one connection checkpoints the WAL, so the file alone is the whole store.
        var options = new DbContextOptionsBuilder<AnalyticsDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False")
            .AddInterceptors(new SqlitePragmas())
            .Options;
        await using (var db = new AnalyticsDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        return path;
    }

    public static IngestEvent Guild(ulong guild, string name, long at) =>
        new() { Type = IngestEventType.GuildUpsert, GuildId = guild, EventAt = at, Name = name };

    public static IngestEvent Channel(ulong guild, ulong channel, string name, long at, int type = 0) =>
        new() { Type = IngestEventType.ChannelUpsert, GuildId = guild, ChannelId = channel, Name = name, ChannelType = type, EventAt = at };

    public static IngestEvent Member(ulong guild, ulong user, string name, long at, bool bot = false) =>
        new() { Type = IngestEventType.MemberUpsert, GuildId = guild, UserId = user, Name = name, IsBot = bot, EventAt = at };

    /// <summary>A message whose id is a snowflake of its time (plus <paramref name="n"/> to keep ids apart).</summary>
    public static IngestEvent Message(ulong guild, ulong channel, ulong author, long at, ulong n = 0, string? excerpt = null, bool bot = false) =>
        new()
        {
            Type = IngestEventType.MessageCreate,
            GuildId = guild,
            ChannelId = channel,
            MessageId = MessageId(at, n),
            UserId = author,
            IsBot = bot,
            Excerpt = excerpt,
            EventAt = at,
        };

    public static ulong MessageId(long at, ulong n = 0) => Snowflake.FromUnixMs(at) + n;

    public static IngestEvent Reaction(ulong guild, ulong channel, ulong message, ulong reactor, long at, string emoji = "👍") =>
        new() { Type = IngestEventType.ReactionAdd, GuildId = guild, ChannelId = channel, MessageId = message, UserId = reactor, Emoji = emoji, EventAt = at };

    public static IngestEvent Delete(ulong guild, ulong channel, ulong message, long at) =>
        new() { Type = IngestEventType.MessageDelete, GuildId = guild, ChannelId = channel, MessageId = message, EventAt = at };

    public static IngestEvent Thread(ulong guild, ulong parent, ulong thread, ulong owner, string name, long at) =>
        new() { Type = IngestEventType.ThreadCreate, GuildId = guild, ChannelId = thread, ParentId = parent, UserId = owner, Name = name, ChannelType = 11, EventAt = at };

    public static IngestEvent Join(ulong guild, ulong user, string name, long at) =>
        new() { Type = IngestEventType.MemberAdd, GuildId = guild, UserId = user, Name = name, EventAt = at };

    public static IngestEvent Leave(ulong guild, ulong user, long at) =>
        new() { Type = IngestEventType.MemberRemove, GuildId = guild, UserId = user, EventAt = at };
}
