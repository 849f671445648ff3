using System.Diagnostics;
using DiscordAnalytics.Core;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DiscordAnalytics.Web -- bench cards [--scale demo|large] [--days D] [--runs R] [--keep FILE [--resume]] [--postgres CONNECTION]</c>
/// (or <c>--store FILE</c>, or <c>--postgres CONNECTION --existing</c>: the same tables on an existing store, nothing generated):
/// ingests D days (default 365) of the demo community, or of the large community (~200,000 members, 20,000
/// active a day, ~50M events a year), through the real pipeline into a fresh SQLite file (or an empty PostgreSQL
/// database with <c>--postgres</c>), then times every
/// dashboard card's query (the services the dashboard and the summary API call, resolved from the app's own
/// registrations) for windows of 7, 30, 90 and 365 days ending on the last ingested day. Each time is the
/// median of R runs (default 5) after warm-up passes over every card and window (a server runs warm), printed
/// in milliseconds and as a ratio to the baseline measured in the same process: a one-row guild lookup through
/// the same context factory (what any card pays before reading anything). Then the live reload: one new event
/// of today through the app's pipeline, then the card once, for every card and window (each card first brought up to
/// the events written for the cards before it, untimed, as a live dashboard's card always is), and the same after a
/// help-channel message for the cards it changes (<see cref="HelpReloads"/>). Also printed: the
/// store's bytes per event and the ingestion rate. Targets (docs/performance.md): every card within 250x the
/// baseline for windows up to a year, a live reload within 25x.
/// </summary>
public static class CardsBenchmark
{
    public const double CardTarget = 250;
    public const double LiveReloadTarget = 25;

    private const long Start = 1_735_689_600_000; // 2025-01-01T00:00:00Z
    private const int ProgressEvery = 5_000_000;

    private static readonly int[] WindowDays = [7, 30, 90, 365];

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(CardsBenchmarkOptions.Parse(args), output, cancellationToken);

    public static async Task<int> RunAsync(CardsBenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Store is not null || options.Existing)
        {
            return await RunOnStoreAsync(options, output, cancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("da-bench-cards-");
        try
        {
            var store = options.Keep ?? Path.Combine(folder.FullName, "cards.db");
            var storage = options.Postgres is { } postgres
                ? new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = postgres }
                : new StorageOptions { ConnectionString = $"Data Source={store}" };
            var end = Start + options.Days * DayBucket.MillisecondsPerDay;
            var (guildId, events, label) = Community(options);
            long held = 0;
            if (options.Resume)
            {
                var resumeAt = await ResumePoint.ReadAsync(store, guildId, cancellationToken);
                // Generated again (the stream is deterministic only from its first day) and counted, but not sent.
                events = events.Where(e =>
                {
                    held += e.EventAt < resumeAt ? 1 : 0;
                    return e.EventAt >= resumeAt;
                });
                label += $", resumed at {DateTimeOffset.FromUnixTimeMilliseconds(resumeAt):yyyy-MM-dd HH:mm:ss} UTC";
            }

            await IngestionBenchmark.MigrateAsync(storage, cancellationToken);
            var watch = Stopwatch.StartNew();
            var (ingested, lastMessage) = await IngestAsync(storage, events, options.Large is null ? null : output, cancellationToken);
            var rate = ingested / watch.Elapsed.TotalSeconds;
            SqliteConnection.ClearAllPools();
            var bytes = await StoreBytesAsync(storage, store, cancellationToken);
            // Resumed: the store's bytes are those of every event, the ones it held before included; the rate is this run's.
            var stored = ingested + held;
            output.WriteLine($"{(options.Postgres is null ? "SQLite" : "PostgreSQL")}: {options.Days} days of {label}: {stored:N0} events, {bytes / 1_048_576.0:N0} MiB, {bytes / (double)stored:N0} bytes/event; ingested at {rate:N0} events/s (generation included)");

            await using var services = Services(storage, end);
            // A running server's keyword-days job has stored every closed day by the time anyone looks; queries only read.
            await services.GetRequiredService<KeywordDayFiller>().FillAllAsync(cancellationToken);
            var kept = options.Keep is null
                ? null
                : $"kept the store: {options.Keep} (guild {guildId}); start the app on it with Storage__ConnectionString=\"Data Source={options.Keep}\" Demo__Enabled=false";
            await MeasureAsync(services, () => Services(storage, end), options, guildId, end, new LiveEvents(services, lastMessage, LiveEvents.FirstAt(end, lastMessage)), kept, output, cancellationToken);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <c>--store FILE</c> or <c>--postgres CONNECTION --existing</c>: the same tables on an existing store, without generating
    /// anything. The store is migrated and its migration follow-ups run, as the app's start does, and the keyword days of its
    /// closed days are stored (a running server's job would have); then the live reloads write their messages into it, after
    /// its last message.
    /// </summary>
    private static async Task<int> RunOnStoreAsync(CardsBenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var (storage, named, label) = options.Existing
                ? (new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = options.Postgres! }, "--postgres --existing", PostgresStoreName(options.Postgres!))
                : (new StorageOptions { ConnectionString = $"Data Source={options.Store}" }, $"--store {options.Store}", $"SQLite store {options.Store}");
            var kept = await KeptStore.ReadAsync(storage, named, cancellationToken);
            await using var services = Services(storage, kept.End);
            await services.GetServices<IHostedService>().OfType<StoreInitializer>().Single().StartAsync(cancellationToken);
            if (services.GetRequiredService<StoreHealth>().Current is { Ok: false } unhealthy)
            {
                throw new ArgumentException($"{named}: {unhealthy.Problem}");
            }

            await services.GetRequiredService<KeywordDayFiller>().FillAllAsync(cancellationToken);
            var bytes = await StoreBytesAsync(storage, options.Store ?? "", cancellationToken);
            output.WriteLine($"{label}: guild {kept.GuildId}, data up to {kept.LastDay}, {bytes / 1_048_576.0:N0} MiB (nothing generated)");
            await MeasureAsync(services, () => Services(storage, kept.End), options, kept.GuildId, kept.End, new LiveEvents(services, kept.LastMessage, LiveEvents.FirstAt(kept.End, kept.LastMessage)), null, output, cancellationToken);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The database and its host, never the rest of the connection string (it may hold a password).</summary>
    private static string PostgresStoreName(string connectionString)
    {
        var parts = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL store {parts.Database ?? parts.Username} on {parts.Host}";
    }

    /// <summary>
    /// The card table, then the warm-up and the first calls after it (on services from <paramref name="freshServices"/>), then
    /// the live-reload table (through <paramref name="live"/>), then the failures and the last lines. <paramref name="note"/>,
    /// when given, is printed before them.
    /// </summary>
    private static async Task MeasureAsync(
        ServiceProvider services, Func<ServiceProvider> freshServices, CardsBenchmarkOptions options, ulong guildId, long end, LiveEvents live, string? note, TextWriter output, CancellationToken cancellationToken)
    {
        var queries = new CardQueries(services);
        var lastDay = DayBucket.FromUnixMs(end - 1);
        var windowDays = WindowDays.Where(d => d <= options.Days).ToList();
        var windows = windowDays
            .Select(d => new AnalyticsQuery(guildId, AnalyticsWindow.Last(d, lastDay + 1), AnalyticsQuery.DefaultTop, IncludeBots: false))
            .ToList();

        // A dashboard runs warm: passes over every card first, so tiered JIT and EF's query cache are not what
        // the measured runs time (a first lookup takes ~400 ms, the fourth ~1 ms). At the large scale (generated or
        // an existing store) one pass over the shortest window warms the same code without adding the year's minutes
        // a second time.
        var demo = options.Large is null && options.Store is null;
        var warmUp = demo ? windows : windows.Take(1).ToList();
        for (var pass = 0; pass < (demo ? 3 : 1); pass++)
        {
            await queries.Guilds.FindAsync(guildId, cancellationToken);
            foreach (var (_, card) in queries.Cards)
            {
                foreach (var query in warmUp)
                {
                    await card(query, cancellationToken);
                }
            }
        }

        var baseline = await MedianMsAsync(Math.Max(options.Runs, 21), () => queries.Guilds.FindAsync(guildId, cancellationToken));
        output.WriteLine($"baseline (one-row guild lookup): {baseline:0.00} ms");
        var header = $"{"card",-22}" + string.Concat(windowDays.Select(d => $"{d + "d",19}"));
        output.WriteLine();
        output.WriteLine(header);
        var worst = 0.0;
        var failures = new List<string>();
        foreach (var (name, card) in queries.Cards)
        {
            var times = new List<double>();
            foreach (var (query, days) in windows.Zip(windowDays))
            {
                times.Add(await OrFailedAsync(failures, $"{name} {days}d", () => MedianMsAsync(options.Runs, () => card(query, cancellationToken))));
            }

            worst = Math.Max(worst, times.Where(double.IsFinite).DefaultIfEmpty(0).Max());
            output.WriteLine(Row(name, times, baseline));
        }

        double worstWarmed;
        await using (var fresh = freshServices())
        {
            worstWarmed = await WarmedFirstCalls.MeasureAsync(fresh, guildId, [.. windows.Zip(windowDays)], baseline, failures, output, cancellationToken);
        }

        double worstUnwarmedRole;
        await using (var fresh = freshServices())
        {
            worstUnwarmedRole = await UnwarmedRoleFirstCalls.MeasureAsync(fresh, guildId, [.. windows.Zip(windowDays)], baseline, failures, output, cancellationToken);
        }

        var reloads = Math.Min(options.Runs, 3);
        output.WriteLine();
        output.WriteLine($"live reload: one new event of today through the app's pipeline, then the card (median of {reloads})");
        output.WriteLine(header);
        var worstReload = 0.0;
        await using (live)
        {
            await live.StartAsync(cancellationToken);
            foreach (var (name, card) in queries.Cards)
            {
                // A live dashboard's card reloads after every event, so it is never more than one behind. Untimed, each card
                // and window first takes the events written for the cards timed before it (up to a few hundred, and the
                // first run of its code that applies a change): else the first window's sample timed that catching up.
                await live.IngestOneAsync(cancellationToken);
                foreach (var query in windows)
                {
                    await OrFailedAsync(failures, $"live reload of {name} (catching up)", async () =>
                    {
                        await card(query, cancellationToken);
                        return 0;
                    });
                }

                var times = new List<double>();
                foreach (var (query, days) in windows.Zip(windowDays))
                {
                    times.Add(await OrFailedAsync(failures, $"live reload of {name} {days}d",
                        () => MedianMsAsync(reloads, () => card(query, cancellationToken), () => live.IngestOneAsync(cancellationToken))));
                }

                worstReload = Math.Max(worstReload, times.Where(double.IsFinite).DefaultIfEmpty(0).Max());
                output.WriteLine(Row(name, times, baseline));
            }

            worstReload = Math.Max(worstReload, await HelpReloads.MeasureAsync(services, queries, live, [.. windows.Zip(windowDays)], reloads, baseline, failures, output, cancellationToken));
        }

        output.WriteLine();
        if (note is not null)
        {
            output.WriteLine(note);
        }

        foreach (var failure in failures)
        {
            output.WriteLine($"failed: {failure}");
        }

        output.WriteLine($"slowest first call with a role not warmed: {worstUnwarmedRole:0.0} ms ({worstUnwarmedRole / baseline:0}x baseline; target <= {CardTarget:0}x)");
        output.WriteLine($"slowest first call after the warm-up: {worstWarmed:0.0} ms ({worstWarmed / baseline:0}x baseline; target <= {CardTarget:0}x)");
        output.WriteLine($"slowest live reload: {worstReload:0.0} ms ({worstReload / baseline:0}x baseline; target <= {LiveReloadTarget:0}x)");
        output.WriteLine($"slowest card: {worst:0.0} ms ({worst / baseline:0}x baseline; target <= {CardTarget:0}x)");
    }

    private static (ulong GuildId, IEnumerable<IngestEvent> Events, string Label) Community(CardsBenchmarkOptions options)
    {
        if (options.Large is { } scale)
        {
            var large = new LargeCommunity(seed: 18, scale);
            return (large.GuildId, large.History(Start, options.Days),
                $"the large community ({scale.Members:N0} members, {scale.DailyActiveMembers:N0} active a day, {scale.Channels:N0} channels)");
        }

        var demo = DemoCommunity.Create(seed: 7);
        return (demo.GuildId, demo.History(Start, Start + options.Days * DayBucket.MillisecondsPerDay), "the demo community");
    }

    /// <summary>The store's size on disk: the database and whatever its log still holds; on PostgreSQL, the database's size.</summary>
    private static async Task<long> StoreBytesAsync(StorageOptions storage, string store, CancellationToken cancellationToken)
    {
        if (storage.Kind == StoreProvider.Postgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(storage.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var size = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            return (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        }

        return new[] { store, store + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    internal static string Row(string name, IEnumerable<double> times, double baseline) =>
        $"{name,-22}" + string.Concat(times.Select(ms => double.IsFinite(ms) ? $"{ms,9:0.0} ms {ms / baseline,5:0.0}x" : $"{"failed",19}"));

    /// <summary>
    /// The time, or NaN when the card throws: a card that fails at this scale is a finding to print (listed before
    /// the last lines, with its error), not a reason to lose the rest of an hour-long run.
    /// </summary>
    internal static async Task<double> OrFailedAsync(List<string> failures, string what, Func<Task<double>> measure)
    {
        try
        {
            return await measure();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failures.Add($"{what}: {ex.GetType().Name}: {ex.Message}");
            return double.NaN;
        }
    }

    /// <summary>Streams the events through the bench pipeline; returns how many, and the last human message (the live reload's template).</summary>
    private static async Task<(long Count, IngestEvent LastMessage)> IngestAsync(
        StorageOptions storage, IEnumerable<IngestEvent> events, TextWriter? progress, CancellationToken cancellationToken)
    {
        using var pipeline = IngestionBenchmark.Pipeline(storage);
        await pipeline.StartAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        long count = 0;
        IngestEvent? lastMessage = null;
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, cancellationToken);
            count++;
            // The newest human message (a generated day is not in time order).
            if (e is { Type: IngestEventType.MessageCreate, IsBot: false } && (lastMessage is null || e.EventAt >= lastMessage.EventAt))
            {
                lastMessage = e;
            }

            if (progress is not null && count % ProgressEvery == 0)
            {
                progress.WriteLine($"  {count:N0} events in {watch.Elapsed.TotalMinutes:0.0} min ({count / watch.Elapsed.TotalSeconds:N0} events/s)");
                await progress.FlushAsync(cancellationToken);
            }
        }

        await pipeline.FlushAsync(cancellationToken);
        await pipeline.StopAsync(cancellationToken);
        return (count, lastMessage ?? throw new InvalidOperationException("The community posted no message."));
    }

    /// <summary>The app's own Core registrations over the bench store, with the clock at the end of the data.</summary>
    private static ServiceProvider Services(StorageOptions storage, long now)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider,
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Demo:Enabled"] = "false",
        });
        builder.Services.AddSingleton<TimeProvider>(new StoppedClock(DateTimeOffset.FromUnixTimeMilliseconds(now)));
        builder.Services.AddLogging();
        builder.AddDiscordAnalyticsCore();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>The median time of <paramref name="run"/>; <paramref name="before"/> runs untimed before each one.</summary>
    internal static async Task<double> MedianMsAsync(int runs, Func<Task> run, Func<Task>? before = null)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
