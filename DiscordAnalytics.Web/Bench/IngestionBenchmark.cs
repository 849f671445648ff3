using System.Diagnostics;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DiscordAnalytics.Web -- bench [--events N]</c>: ingests N generated
/// events of the demo community (default 1,000,000) through the real pipeline into a fresh SQLite file, and in the same process
/// measures the raw ceiling (plain batched INSERTs of the same rows: no dedupe, no facts, no rollups).
/// Prints both rates and their ratio; the target is a ratio of at least 0.50.
/// </summary>
public static class IngestionBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args is ["--events", var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("da-bench-");
        try
        {
            Console.WriteLine($"Generating {count:N0} events...");
            var events = DemoCommunity.Create(seed: 7).GenerateEvents(count).ToList();

            // Warm both paths up (JIT, SQLite page cache code) on a slice, so neither pays for starting first.
            var warmUp = events.Take(Math.Min(50_000, events.Count)).ToList();
            await MeasureCeilingAsync(Path.Combine(folder.FullName, "warm-ceiling.db"), warmUp, cancellationToken);
            await MeasurePipelineAsync(Path.Combine(folder.FullName, "warm-pipeline.db"), warmUp, cancellationToken);

            var ceiling = await MeasureCeilingAsync(Path.Combine(folder.FullName, "ceiling.db"), events, cancellationToken);
            Console.WriteLine($"raw ceiling (plain batched INSERT): {ceiling,12:N0} events/s");

            var pipeline = await MeasurePipelineAsync(Path.Combine(folder.FullName, "pipeline.db"), events, cancellationToken);
            Console.WriteLine($"full pipeline (dedupe+facts+rollups): {pipeline,10:N0} events/s");
            Console.WriteLine($"ratio pipeline/ceiling: {pipeline / ceiling:0.00} (target >= 0.50)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> MeasureCeilingAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await SqlitePragmas.OpenAsync($"Data Source={path}", cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE rawEvents (guildId INTEGER NOT NULL, eventType TEXT NOT NULL, eventId TEXT NOT NULL, eventAt INTEGER NOT NULL,
                    channelId INTEGER, threadId INTEGER, messageId INTEGER, userId INTEGER, emoji TEXT, isBot INTEGER NOT NULL)
                """;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        using var insert = new PreparedStatement(connection, "INSERT INTO rawEvents VALUES (@p0, @p1, @p2, @p3, @p4, NULL, @p5, @p6, @p7, @p8)");
        foreach (var chunk in events.Chunk(10_000))
        {
            await using var transaction = connection.BeginTransaction();
            foreach (var e in chunk)
            {
                insert.Execute((long)e.GuildId, e.TypeName, e.EventId, e.EventAt, (long?)e.ChannelId, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot);
            }

            transaction.Commit();
        }

        return events.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasurePipelineAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        var connectionString = $"Data Source={path}";
        var contextOptions = new DbContextOptionsBuilder<AnalyticsDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options;
        await using (var db = new AnalyticsDbContext(contextOptions))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        using var pipeline = new IngestionPipeline(
            Options.Create(new IngestionOptions { MaxBatchSize = 10_000, QueueCapacity = 50_000 }),
            Options.Create(new StorageOptions { ConnectionString = connectionString }),
            new IngestionMode(IsDemo: false),
            new IngestionNotifier(),
            TimeProvider.System,
            NullLogger<IngestionPipeline>.Instance);
        await pipeline.StartAsync(cancellationToken);

        var watch = Stopwatch.StartNew();
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, cancellationToken);
        }

        await pipeline.FlushAsync(cancellationToken);
        var rate = events.Count / watch.Elapsed.TotalSeconds;
        await pipeline.StopAsync(cancellationToken);
        return rate;
    }
}
