using System.Collections;
using System.Text.Json;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using DiscordAnalytics.Web.Auth;
using DiscordAnalytics.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// A SQLite store as the app leaves it (both contexts migrated, events written by the real ingestion writer, a dead
/// letter, a digest schedule and the sign-in credential), an empty PostgreSQL database to copy it into, and the
/// command run against them. <see cref="RowsAsync"/> reads every table of a store through EF Core, so a copy is
/// checked by the app's own mapping rather than by the copy's reader.
/// </summary>
public sealed class StoreCopyWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private StoreCopyWorld(TempSqliteStore source, string target)
    {
        Source = source;
        Target = target;
    }

    public TempSqliteStore Source { get; }

    /// <summary>The empty PostgreSQL database's connection string.</summary>
    public string Target { get; }

    public StorageOptions TargetStorage => TestPostgres.StoreOnPostgres(Target);

    public static async Task<StoreCopyWorld> CreateAsync(int activity = 2_000)
    {
        var source = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite, GuildMode.Live);
        await using (var auth = Auth(source.Storage))
        {
            await auth.Database.MigrateAsync();
            auth.AdminCredentials.Add(new AdminCredential { PasswordHash = "hash", SecurityStamp = "stamp", Source = "setting", UpdatedAt = 1, FailedSignIns = 2 });
            await auth.SaveChangesAsync();
        }

        await source.WriteInBatchesAsync(RandomEventStream.Generate(seed: 5, activity, endAt: Now.ToUnixTimeMilliseconds(), days: 40), batchSize: 500);
        await using (var db = source.NewContext())
        {
            db.DeadLetters.Add(new DeadLetter { GuildId = (long)RandomEventStream.GuildId, EventType = "message_create", EventId = "42", EventJson = "{}", ExceptionType = "X", ExceptionMessage = "m", FirstFailedAt = 1, LastFailedAt = 2, Attempts = 1 });
            await db.SaveChangesAsync();
        }

        return new StoreCopyWorld(source, await TestPostgres.CreateEmptyDatabaseAsync());
    }

    /// <summary>Runs <c>migrate-to-postgres --from</c> the source into the target, as the executable would.</summary>
    public async Task<(int ExitCode, string Output, string Error)> MigrateAsync(TextWriter? output = null, CancellationToken cancellationToken = default, int chunkRows = 500, string? from = null)
    {
        var error = new StringWriter();
        output ??= new StringWriter();
        var code = await MigrateToPostgresCommand.RunAsync(
            ["--from", from ?? Source.Path, $"--Storage:ConnectionString={Target}"], output, error, cancellationToken, chunkRows);
        return (code, output.ToString()!, error.ToString());
    }

    /// <summary>Every table of both contexts, each row as JSON, sorted: equal on two stores when they hold the same data.</summary>
    public static async Task<SortedDictionary<string, List<string>>> RowsAsync(StorageOptions storage)
    {
        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var context in MigrateToPostgresCommand.StoreContexts)
        {
            await using var db = context.Create(storage);
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var set = (IEnumerable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
                var json = set.Cast<object>().Select(e => JsonSerializer.Serialize(e, entity.ClrType)).ToList();
                json.Sort(StringComparer.Ordinal);
                rows[entity.ClrType.Name] = json;
            }
        }

        return rows;
    }

    /// <summary>Rows of <paramref name="table"/> in the target (0 when it does not exist).</summary>
    public async Task<long> TargetRowsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(Target);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('\"{table}\"') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The target's tables (to show a refused copy created none).</summary>
    public async Task<List<string>> TargetTablesAsync()
    {
        await using var connection = new NpgsqlConnection(Target);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public static AuthDbContext Auth(StorageOptions storage)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContext.Configure(options, storage);
        return new AuthDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(Target);
    }
}
