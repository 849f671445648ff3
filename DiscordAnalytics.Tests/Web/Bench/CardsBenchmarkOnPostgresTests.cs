using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Demo.Large;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Bench;
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
            // Every card twice: the card table and the live-reload table.
            Assert.Equal(BenchCommandTests.EveryCard.Length * 2, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\s[\d.]+ ms\s+[\d.]+x$")));
            var generated = new LargeCommunity(18, LargeCommunityTests.Tiny).Activity(1_735_689_600_000, 7).Count(e => e.Type == IngestEventType.MessageCreate);
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM messageFacts", connection);
            // Plus one live-reload message per card (one window, one run).
            Assert.Equal(generated + BenchCommandTests.EveryCard.Length, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Cards_PostgresWithASqliteConnectionString_IsRefusedBeforeAnyWork()
    {
        var error = new StringWriter();

        var exit = await BenchCommand.RunAsync(["cards", "--postgres", "Data Source=x.db"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(BenchCommand.BadOptionExitCode, exit);
        Assert.Contains("--postgres takes a PostgreSQL connection string", error.ToString(), StringComparison.Ordinal);
    }
}
