using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>Real SQLite failures, each made on a real store file: the store's are waited out, an event's are not.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task ReasonOf_WriteToAStoreOpenedReadOnly_StoreReadOnly()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();

        var failure = await FailureAsync($"{store.ConnectionString};Mode=ReadOnly;Pooling=False", "INSERT INTO guildRetention (guildId, rawEventDays) VALUES (1, 5)");

        Assert.Equal("store read-only", StoreFailure.ReasonOf(failure));
    }

    [Fact]
    public async Task ReasonOf_StoreInAFolderThatIsGone_StoreCannotBeOpened()
    {
        var failure = await FailureAsync($"Data Source={Path.Combine(Path.GetTempPath(), $"da-gone-{Guid.NewGuid():N}", "analytics.db")};Pooling=False", "SELECT 1");

        Assert.Equal("store cannot be opened", StoreFailure.ReasonOf(failure));
    }

    [Fact]
    public async Task ReasonOf_StoreFull_StoreFull()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();

        var failure = await FailureAsync(
            $"{store.ConnectionString};Pooling=False",
            // The migrated file has free pages (rebuilt tables); 20 MB needs far more than those.
            "PRAGMA max_page_count = 1",
            "CREATE TABLE filler (x BLOB)",
            "INSERT INTO filler VALUES (zeroblob(20000000))");

        Assert.Equal("store full", StoreFailure.ReasonOf(failure));
    }

    [Fact]
    public async Task ReasonOf_ConstraintAnEventBreaks_NotTheStores()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();

        var failure = await FailureAsync(
            $"{store.ConnectionString};Pooling=False",
            "INSERT INTO guildRetention (guildId, rawEventDays) VALUES (1, 5)",
            "INSERT INTO guildRetention (guildId, rawEventDays) VALUES (1, 6)");

        Assert.Null(StoreFailure.ReasonOf(failure));
        Assert.Null(StoreFailure.ReasonOf(new InvalidOperationException("a bug")));
    }

    /// <summary>Runs the statements one by one on one connection; the failure the last of them (or the open) throws.</summary>
    private static async Task<Exception> FailureAsync(string connectionString, params string[] statements)
    {
        return await Assert.ThrowsAsync<SqliteException>(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            foreach (var sql in statements)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        });
    }
}
