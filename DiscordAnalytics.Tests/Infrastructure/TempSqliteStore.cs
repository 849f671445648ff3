using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A real, migrated SQLite store file in a fresh temp folder, deleted on dispose; or, for tests that run on both
/// providers (<see cref="CreateFromTemplateAsync(StoreProvider, GuildMode)"/>), a PostgreSQL database of its own on the
/// test server (<see cref="TestPostgres"/>), dropped on dispose. Also the context factory query services take. Filled
/// through the real <see cref="IngestionBatchWriter"/> (no mocks of our store), with events from <see cref="TestEvents"/>.
/// </summary>
public sealed class TempSqliteStore : IAsyncDisposable, IDbContextFactory<AnalyticsDbContext>
{
    private static readonly Lazy<Task<string>> Template = new(MigrateTemplateAsync);

    private readonly DirectoryInfo _folder;
    private readonly GuildMode _writerMode;
    private IngestionBatchWriter? _writer;

    private TempSqliteStore(DirectoryInfo folder, GuildMode writerMode, string? postgresConnectionString = null)
    {
        _folder = folder;
        _writerMode = writerMode;
        Path = System.IO.Path.Combine(_folder.FullName, "analytics.db");
        ConnectionString = postgresConnectionString ?? $"Data Source={Path}";
        Storage = postgresConnectionString is null
            ? new StorageOptions { ConnectionString = ConnectionString }
            : TestPostgres.StoreOnPostgres(postgresConnectionString);
    }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>The store's provider and connection string, as the app's <c>Storage</c> settings would give them.</summary>
    public StorageOptions Storage { get; }

    public StoreProvider Provider => Storage.Kind;

    /// <summary>A temp folder where the store file is yet to be created (for tests that migrate it step by step).</summary>
    public static TempSqliteStore CreateUnmigrated(GuildMode writerMode = GuildMode.Live) =>
        new(Directory.CreateTempSubdirectory("da-test-"), writerMode);

    /// <summary>A store migrated here, by the migrations themselves (for tests of the schema and its migrations).</summary>
    /// <param name="writerMode">The mode guilds created by this store's writes get.</param>
    public static async Task<TempSqliteStore> CreateMigratedAsync(GuildMode writerMode = GuildMode.Live)
    {
        var store = CreateUnmigrated(writerMode);
        await using var db = store.NewContext();
        await db.Database.MigrateAsync();
        return store;
    }

    /// <summary>
    /// A fresh store: a copy of one file migrated once per test run (migrating costs far more than copying, and UI and
    /// query tests create a store each). Guilds its writes create are demo guilds by default, as the UI tests' app runs
    /// in demo mode.
    /// </summary>
    public static async Task<TempSqliteStore> CreateFromTemplateAsync(GuildMode writerMode = GuildMode.Demo)
        => await CreateFromTemplateAsync(StoreProvider.Sqlite, writerMode);

    /// <summary>A fresh migrated store on <paramref name="provider"/>: a SQLite file, or a PostgreSQL database of its own.</summary>
    public static async Task<TempSqliteStore> CreateFromTemplateAsync(StoreProvider provider, GuildMode writerMode = GuildMode.Demo)
    {
        if (provider == StoreProvider.Postgres)
        {
            return new TempSqliteStore(Directory.CreateTempSubdirectory("da-pg-test-"), writerMode, await TestPostgres.CreateMigratedDatabaseAsync());
        }

        var template = await Template.Value;
        var store = new TempSqliteStore(Directory.CreateTempSubdirectory("da-ui-test-"), writerMode);
        File.Copy(template, store.Path);
        return store;
    }

    /// <summary>The run's migrated store file that <see cref="CreateFromTemplateAsync(GuildMode)"/> copies (never write to it).</summary>
    public static Task<string> TemplatePathAsync() => Template.Value;

    public AnalyticsDbContext NewContext() => new StoreContextFactory(Storage).CreateDbContext();

    public AnalyticsDbContext CreateDbContext() => NewContext();

    /// <summary>Writes the events in one batch, exactly as the ingestion pipeline would (one writer for the store's life).</summary>
    public async Task WriteAsync(params IngestEvent[] events)
    {
        _writer ??= new IngestionBatchWriter(Storage, _writerMode, NullLogger.Instance);
        var outcome = await _writer.WriteAsync(events, CancellationToken.None);
        Assert.Equal(0, outcome.Rejected);
    }

    /// <summary>Writes <paramref name="events"/> through a new real ingestion writer, <paramref name="batchSize"/> per transaction.</summary>
    public async Task WriteInBatchesAsync(IEnumerable<IngestEvent> events, int batchSize)
    {
        await using var writer = new IngestionBatchWriter(Storage, _writerMode, NullLogger.Instance);
        foreach (var chunk in events.Chunk(batchSize))
        {
            await writer.WriteAsync(chunk, CancellationToken.None);
        }
    }

    /// <summary>Runs raw SQL against the store (to break it on purpose, for failure tests).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A plain open connection to the store, of its provider (for raw SQL in tests).</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Provider == StoreProvider.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Provider == StoreProvider.Postgres)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the OS temp cleaner gets it.
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
        await using (var db = new StoreContextFactory($"Data Source={path};Pooling=False").CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        return path;
    }
}
