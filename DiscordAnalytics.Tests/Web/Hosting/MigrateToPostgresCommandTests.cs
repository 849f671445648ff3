using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using DiscordAnalytics.Web.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// <c>migrate-to-postgres</c> from a real SQLite store (written by the real ingestion writer) into a real PostgreSQL
/// database: every table holds the same rows afterwards, the app on either store answers the same summary, and a copy
/// cancelled in the middle of a table continues when run again without a row twice.
/// </summary>
public sealed class MigrateToPostgresCommandTests
{
    [Fact]
    public async Task Migrate_StoreWrittenByTheWriter_EveryTableAndEverySummaryEqualOnPostgres()
    {
        await using var world = await StoreCopyWorld.CreateAsync();

        var (code, output, error) = await world.MigrateAsync();

        Assert.True(code == 0, error);
        Assert.Contains("messagefacts", output, StringComparison.Ordinal);
        var sqlite = await StoreCopyWorld.RowsAsync(world.Source.Storage);
        var postgres = await StoreCopyWorld.RowsAsync(world.TargetStorage);
        Assert.Equal(sqlite.Keys, postgres.Keys);
        foreach (var (table, rows) in sqlite)
        {
            Assert.True(rows.SequenceEqual(postgres[table]), $"{table}: {rows.Count} rows in SQLite, {postgres[table].Count} on PostgreSQL, or different values");
        }

        Assert.NotEmpty(sqlite["MessageFact"]);
        Assert.NotEmpty(sqlite["DeadLetter"]);
        Assert.NotEmpty(sqlite["AdminCredential"]);
        Assert.Equal(await SummariesAsync(SqliteApp(world)), await SummariesAsync(PostgresApp(world)));
    }

    [Fact]
    public async Task Migrate_CancelledMidTableThenRunAgain_ContinuesToEqualCountsWithoutDuplicates()
    {
        await using var world = await StoreCopyWorld.CreateAsync();
        using var interrupt = new CancellationTokenSource();
        var cancelling = new CancelOnLine("messagefacts: 500 of", interrupt);

        var (cancelled, _, cancelledError) = await world.MigrateAsync(cancelling, interrupt.Token);
        var partial = await world.TargetRowsAsync("messagefacts");
        var (resumed, output, error) = await world.MigrateAsync();
        var (again, _, againError) = await world.MigrateAsync();

        Assert.Equal(MigrateToPostgresCommand.RefusedExitCode, cancelled);
        Assert.Contains("run the same command again", cancelledError, StringComparison.Ordinal);
        var total = (await StoreCopyWorld.RowsAsync(world.Source.Storage))["MessageFact"].Count;
        Assert.InRange(partial, 500, total - 1);
        Assert.True(resumed == 0, error);
        Assert.True(again == 0, againError);
        Assert.Contains($"messagefacts: {total:N0} of {total:N0}", output, StringComparison.Ordinal);
        Assert.Equal(await StoreCopyWorld.RowsAsync(world.Source.Storage), await StoreCopyWorld.RowsAsync(world.TargetStorage));
    }

    private static AnalyticsAppFactory SqliteApp(StoreCopyWorld world) =>
        new(new Dictionary<string, string?> { ["Storage:ConnectionString"] = world.Source.ConnectionString }, new FakeTimeProvider(StoreCopyWorld.Now));

    private static AnalyticsAppFactory PostgresApp(StoreCopyWorld world) => new(
        new Dictionary<string, string?> { ["Storage:Provider"] = nameof(StoreProvider.Postgres), ["Storage:ConnectionString"] = world.Target },
        new FakeTimeProvider(StoreCopyWorld.Now));

    /// <summary>The summary API's answer for every window, from the app on one store.</summary>
    private static async Task<List<string>> SummariesAsync(AnalyticsAppFactory app)
    {
        await using (app)
        {
            using var client = app.CreateApiClient();
            var summaries = new List<string>();
            foreach (var window in new[] { "7d", "30d", "90d" })
            {
                summaries.Add(await client.GetStringAsync($"/api/guilds/{RandomEventStream.GuildId}/summary?window={window}&top=100"));
            }

            return summaries;
        }
    }

    /// <summary>The command's output, cancelling <paramref name="interrupt"/> once a progress line starting with <paramref name="prefix"/> is printed.</summary>
    private sealed class CancelOnLine(string prefix, CancellationTokenSource interrupt) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.TrimStart().StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                interrupt.Cancel();
            }
        }
    }
}
