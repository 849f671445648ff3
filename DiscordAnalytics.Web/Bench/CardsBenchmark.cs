using System.Diagnostics;
using System.Globalization;
using DiscordAnalytics.Core;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DiscordAnalytics.Web -- bench cards [--days D] [--runs R]</c>: ingests D
/// days (default 365) of the demo community through the real pipeline into a fresh SQLite file, then times
/// every dashboard card's query (the services the dashboard and the summary API call, resolved from the
/// app's own registrations) for windows of 7, 30, 90 and 365 days ending on the last ingested day. Each time
/// is the median of R runs (default 5), measured after three warm-up passes over every card and window (a server runs warm), printed in milliseconds and as a ratio to the
/// baseline measured in the same process: a one-row guild lookup through the same context factory (what
/// any card pays before reading anything). The target (docs/performance.md): every card within 50 ms for windows up to a year.
/// </summary>
public static class CardsBenchmark
{
    private static readonly int[] WindowDays = [7, 30, 90, 365];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var days = IngestionBenchmark.Option(args, "--days", 365);
        if (days < WindowDays[0])
        {
            throw new ArgumentException($"--days must be at least {WindowDays[0]}, the shortest window; got {days}.");
        }

        var runs = IngestionBenchmark.Option(args, "--runs", 5);
        var folder = Directory.CreateTempSubdirectory("da-bench-cards-");
        try
        {
            var store = Path.Combine(folder.FullName, "cards.db");
            var connectionString = await IngestionBenchmark.MigratedStoreAsync(store, cancellationToken);
            var demo = DemoCommunity.Create(seed: 7);
            const long start = 1_735_689_600_000; // 2025-01-01T00:00:00Z
            var end = start + days * DayBucket.MillisecondsPerDay;
            var ingested = await IngestAsync(connectionString, demo.History(start, end), cancellationToken);
            output.WriteLine($"{days} days of the demo community: {ingested:N0} events, {new FileInfo(store).Length / 1_048_576.0:N0} MiB");

            await using var services = Services(connectionString, end);
            // A running server's keyword-days job has stored every closed day by the time anyone looks; queries only read.
            await services.GetRequiredService<KeywordDayFiller>().FillAllAsync(cancellationToken);
            var queries = new CardQueries(services);
            var lastDay = DayBucket.FromUnixMs(end - 1);
            var windows = WindowDays.Where(d => d <= days)
                .Select(d => new AnalyticsQuery(demo.GuildId, AnalyticsWindow.Last(d, lastDay + 1), AnalyticsQuery.DefaultTop, IncludeBots: false))
                .ToList();

            // A dashboard runs warm: one pass over every card and window first, so tiered JIT and EF's query
            // cache are not what the first measured runs time (a first lookup takes ~400 ms, the fourth ~1 ms).
            for (var pass = 0; pass < 3; pass++)
            {
                await queries.Guilds.FindAsync(demo.GuildId, cancellationToken);
                foreach (var (_, card) in queries.Cards)
                {
                    foreach (var query in windows)
                    {
                        await card(query, cancellationToken);
                    }
                }
            }

            var baseline = await MedianMsAsync(Math.Max(runs, 21), () => queries.Guilds.FindAsync(demo.GuildId, cancellationToken));
            output.WriteLine($"baseline (one-row guild lookup): {baseline:0.00} ms");
            output.WriteLine();
            output.WriteLine($"{"card",-22}" + string.Concat(WindowDays.Where(d => d <= days).Select(d => $"{d + "d",19}")));

            var worst = 0.0;
            foreach (var (name, card) in queries.Cards)
            {
                var line = $"{name,-22}";
                foreach (var query in windows)
                {
                    var ms = await MedianMsAsync(runs, () => card(query, cancellationToken));
                    worst = Math.Max(worst, ms);
                    line += $"{ms,9:0.0} ms {ms / baseline,5:0.0}x";
                }

                output.WriteLine(line);
            }

            output.WriteLine();
            output.WriteLine($"slowest card: {worst:0.0} ms ({worst / baseline:0}x baseline; target <= 50 ms)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> IngestAsync(string connectionString, IEnumerable<IngestEvent> events, CancellationToken cancellationToken)
    {
        using var pipeline = IngestionBenchmark.Pipeline(connectionString);
        await pipeline.StartAsync(cancellationToken);
        long count = 0;
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, cancellationToken);
            count++;
        }

        await pipeline.FlushAsync(cancellationToken);
        await pipeline.StopAsync(cancellationToken);
        return count;
    }

    /// <summary>The app's own Core registrations over the bench store, with the clock at the end of the data.</summary>
    private static ServiceProvider Services(string connectionString, long now)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Demo:Enabled"] = "false",
        });
        builder.Services.AddSingleton<TimeProvider>(new StoppedClock(DateTimeOffset.FromUnixTimeMilliseconds(now)));
        builder.Services.AddLogging();
        builder.AddDiscordAnalyticsCore();
        return builder.Services.BuildServiceProvider();
    }

    private static async Task<double> MedianMsAsync(int runs, Func<Task> run)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
