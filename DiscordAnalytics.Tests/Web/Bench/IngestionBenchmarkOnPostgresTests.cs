using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Bench;
using Npgsql;

namespace DiscordAnalytics.Tests.Web.Bench;

/// <summary>
/// <c>bench --postgres</c> (the ingestion bench) end to end on the test server: SQLite's and PostgreSQL's pipelines over
/// the same events, each rate and their ratio printed, and the databases it created for its runs dropped again; speed
/// itself is never asserted here.
/// </summary>
public sealed class IngestionBenchmarkOnPostgresTests
{
    private const string BenchDatabases = "SELECT count(*) FROM pg_database WHERE datname LIKE 'da\\_bench\\_ingest\\_%'";

    [Fact]
    public async Task Ingestion_OnPostgres_PrintsBothPipelinesAndTheirRatio_AndDropsItsDatabases()
    {
        var before = await CountOnServerAsync(BenchDatabases);
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await BenchCommand.RunAsync(["--events", "4000", "--runs", "1", "--postgres", TestPostgres.ServerConnectionString], output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Empty(error.ToString());
        var text = output.ToString();
        Assert.Matches(@"(?m)^full pipeline \(dedupe \+ facts \+ rollups\):\s+[\d,]+ events/s", text);
        Assert.Matches(@"(?m)^full pipeline on PostgreSQL \(same events\):\s+[\d,]+ events/s  \(\d+\.\d\d of ceiling, \d+\.\d\d of SQLite's pipeline\)", text);
        Assert.Matches(@"(?m)^SQLite/PostgreSQL pipeline per run: \d+\.\d\d\r?$", text);
        Assert.Matches(@"(?m)^ratio SQLite/PostgreSQL pipeline: \d+\.\d\d \(median of the runs' ratios; target <= 2\.00\)", text);
        Assert.Equal(before, await CountOnServerAsync(BenchDatabases));
    }

    [Fact]
    public async Task Ingestion_PostgresWithASqliteConnectionString_IsRefusedBeforeAnyWork()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await BenchCommand.RunAsync(["--events", "1000", "--postgres", "Data Source=x.db"], output, error, CancellationToken.None);

        Assert.Equal(BenchCommand.BadOptionExitCode, exit);
        Assert.StartsWith("--postgres takes a PostgreSQL connection string", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    private static async Task<long> CountOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(sql, connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
