using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>Real PostgreSQL failures of the ingestion writer, each made on a real database: the store's are waited out, an event's are not.</summary>
public sealed class PostgresStoreFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReasonOf_WriterOnADatabaseMadeReadOnly_StoreReadOnly()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Postgres, GuildMode.Live);
        var database = new NpgsqlConnectionStringBuilder(store.ConnectionString).Database;
        await store.ExecuteAsync($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on");
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync([Guild(8_700, "Read only", Now.ToUnixTimeMilliseconds())], CancellationToken.None));

        Assert.Equal("store read-only", StoreFailure.ReasonOf(failure));
    }

    [Fact]
    public async Task ReasonOf_ServerNotAnswering_StoreServerUnreachable()
    {
        // A loopback port nobody listens on: the connection is refused.
        var storage = TestPostgres.StoreOnPostgres("Host=127.0.0.1;Port=9;Username=postgres;Database=none;Timeout=3");
        await using var writer = new IngestionBatchWriter(storage, GuildMode.Live, NullLogger.Instance);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync([Guild(8_700, "Nowhere", Now.ToUnixTimeMilliseconds())], CancellationToken.None));

        Assert.Equal("store server unreachable", StoreFailure.ReasonOf(failure));
    }

    [Fact]
    public async Task ReasonOf_ConstraintAnEventBreaks_NotTheStores()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Postgres, GuildMode.Live);
        await using var connection = (NpgsqlConnection)await store.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("INSERT INTO guilds (guildId, name, mode, timeZone) VALUES (1, NULL, 'live', 'UTC')", connection);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Null(StoreFailure.ReasonOf(failure));
    }
}
