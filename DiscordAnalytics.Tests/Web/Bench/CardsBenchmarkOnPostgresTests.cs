using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Demo.Large;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Bench;
using System.Text.RegularExpressions;
using Npgsql;

namespace DiscordAnalytics.Tests.Web.Bench;

/// <summary>
/// <c>bench cards --postgres</c> end to end on a tiny large-community week, on an empty database of the test server:
/// every card and live reload printed, and the data left in the database; speed itself is never asserted here.
/// </summary>
public sealed class CardsBenchmarkOnPostgresTests
{
    [Fact]
    public async Task Cards_TinyWeekOnPostgres_PrintsEveryCardAndLeavesTheDataInTheDatabase()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            var output = new StringWriter();

            var exit = await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, Keep: null, Postgres: database), output, CancellationToken.None);

            Assert.Equal(0, exit);
            var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^PostgreSQL: 7 days of the large community \(2,000 members, 200 active a day, 60 channels\): [\d,]+ events, [\d,]+ MiB, [\d,]+ bytes/event; ingested at [\d,]+ events/s", lines[0]);
            Assert.DoesNotContain(lines, l => l.StartsWith("failed:", StringComparison.Ordinal));
            // Every card three times: the card table, the first calls after the warm-up and the live-reload table; the help
            // cards once more, after a help message.
            Assert.Equal(BenchCommandTests.EveryCard.Concat(BenchCommandTests.HelpCards).Distinct().Sum(BenchCommandTests.RowsOf), lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\s[\d.]+ ms\s+[\d.]+x$")));
            var generated = new LargeCommunity(18, LargeCommunityTests.Tiny).Activity(1_735_689_600_000, 7).Count(e => e.Type == IngestEventType.MessageCreate);
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM messageFacts", connection);
            // Plus two live messages per card and help card: the one it was brought up to date after, untimed, and the one
            // of its timed reload (one window, one run).
            Assert.Equal(generated + BenchCommandTests.LiveMessagesPerRun, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Cards_ExistingPostgresStore_IsMeasuredWithoutGenerating_AndItsLiveReloadsFollowItsLastMessage()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            // A database that already holds a store (here left by a generating run; in practice copied by migrate-to-postgres).
            Assert.Equal(0, await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, Keep: null, Postgres: database), TextWriter.Null, CancellationToken.None));
            var generated = await MessagesAsync(database);
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await BenchCommand.RunAsync(["cards", "--postgres", database, "--existing", "--runs", "1", "--days", "7"], output, error, CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.Empty(error.ToString());
            var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var named = new NpgsqlConnectionStringBuilder(database);
            var guild = new LargeCommunity(18, LargeCommunityTests.Tiny).GuildId;
            // Named by database and host only: a connection string may hold a password.
            Assert.Matches(
                $@"^PostgreSQL store {Regex.Escape(named.Database!)} on {Regex.Escape(named.Host!)}: guild {guild}, data up to 2025-01-07, [\d,]+ MiB \(nothing generated\)$",
                lines[0]);
            Assert.DoesNotContain(lines, l => l.StartsWith("failed", StringComparison.Ordinal));
            // Once in the card table, once after the warm-up, once in the live-reload table; the help cards once more after a help message.
            Assert.Equal(BenchCommandTests.EveryCard.Concat(BenchCommandTests.HelpCards).Distinct().Sum(BenchCommandTests.RowsOf), lines.Count(l => Regex.IsMatch(l, @"\s[\d.]+ ms\s+[\d.]+x$")));
            // Nothing was generated: the store gained exactly this run's live messages (two per card and help card, one window, one run).
            Assert.Equal(generated + BenchCommandTests.LiveMessagesPerRun, await MessagesAsync(database));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Theory]
    [InlineData("--existing measures the store a PostgreSQL database holds", "--existing")]
    [InlineData("--existing and --scale: ", "--postgres", "Host=127.0.0.1;Username=postgres", "--existing", "--scale", "large")]
    [InlineData("--existing and --keep: ", "--postgres", "Host=127.0.0.1;Username=postgres", "--keep", "/tmp/da-never-written.db", "--existing")]
    [InlineData("--existing and --store: ", "--existing", "--postgres", "Host=127.0.0.1;Username=postgres", "--store", "/tmp/da-never-read.db")]
    public async Task Cards_ExistingWithoutPostgresOrWithAnOptionForAGeneratedStore_IsRefusedBeforeAnyWork(string expected, params string[] options)
    {
        var error = new StringWriter();

        var exit = await BenchCommand.RunAsync(["cards", .. options], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(BenchCommand.BadOptionExitCode, exit);
        Assert.StartsWith(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_PostgresWithASqliteConnectionString_IsRefusedBeforeAnyWork()
    {
        var error = new StringWriter();

        var exit = await BenchCommand.RunAsync(["cards", "--postgres", "Data Source=x.db"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(BenchCommand.BadOptionExitCode, exit);
        Assert.Contains("--postgres takes a PostgreSQL connection string", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<long> MessagesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM messageFacts", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
