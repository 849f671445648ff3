using System.Diagnostics;
using System.Globalization;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DiscordAnalytics.Web -- bench [--events N] [--runs R] [--scale demo|large] [--postgres CONNECTION]</c>:
/// ingests the first N events (default 1,000,000) of the demo community (or of the large one, its 200,000 founding
/// members first) through the real pipeline into a fresh SQLite file and, in
/// the same process, references over the same events: the raw ceiling (plain batched INSERTs of each
/// event's row, everything it carries including its content excerpt or name, into a bare table: no key,
/// no index, no facts, no rollups), the same without the content (a stricter reference: fewer bytes than
/// the pipeline must store), the raw-events table alone (its dedupe key, nothing else), and the store's
/// writes alone (each event's one row into the real tables: the message fact of a create, the reaction
/// fact of an add, the raw row of anything else; with no dedupe logic, no state checks and no rollups:
/// what any pipeline on this data model must write). Each figure is the median of R runs (default 5) on
/// fresh files. Prints the rates and the ratios; the target is pipeline/ceiling >= 0.50. With <c>--postgres</c> the full
/// pipeline also runs on that server, right after SQLite's in every run, on a new database each time: the ratio of the
/// two (target: PostgreSQL within 2x of SQLite).
/// </summary>
public static class IngestionBenchmark
{
    /// <summary>An event's whole row: what the pipeline must keep of it, its content excerpt (creates, edits) and name (upserts, joins) included.</summary>
    private const string BareTable = """
        CREATE TABLE rawEvents (guildId INTEGER NOT NULL, keyAt INTEGER NOT NULL, eventType TEXT NOT NULL, eventId TEXT NOT NULL, eventAt INTEGER NOT NULL,
            channelId INTEGER, threadId INTEGER, messageId INTEGER, userId INTEGER, emoji TEXT, isBot INTEGER NOT NULL, excerpt TEXT, name TEXT)
        """;

    private const string BareInsert = "INSERT INTO rawEvents VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, @p6, @p7, @p8, @p9, @p10, @p11)";

    /// <summary>The same rows without their content (NULL excerpt and name): fewer bytes than the pipeline stores, a stricter reference.</summary>
    private const string BareInsertWithoutContent = "INSERT INTO rawEvents VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, @p6, @p7, @p8, @p9, NULL, NULL)";

    private const string RawInsert = """
        INSERT INTO analyticsEvents (guildId, keyAt, eventType, eventId, eventAt, channelId, threadId, messageId, userId, emoji, isBot)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, @p6, @p7, @p8, @p9) ON CONFLICT DO NOTHING
        """;

    /// <summary>Where the large community's history starts (2025-01-01T00:00:00Z, as in <c>bench cards</c>).</summary>
    private const long LargeStart = 1_735_689_600_000;

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(IngestionBenchmarkOptions.Parse(args), output, cancellationToken);

    public static async Task<int> RunAsync(IngestionBenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var (count, runs) = (options.Events, options.Runs);
        var folder = Directory.CreateTempSubdirectory("da-bench-");
        try
        {
            output.WriteLine($"Generating {count:N0} events of the {(options.Large ? "large" : "demo")} community...");
            var events = Events(options);
            var file = 0;
            async Task<double> MeasureAsync(Func<string, List<IngestEvent>, CancellationToken, Task<double>> path, List<IngestEvent> slice)
            {
                var store = Path.Combine(folder.FullName, $"run{file++}.db");
                var rate = await path(store, slice, cancellationToken);
                // Deleted before the next run: the kernel then drops its dirty pages instead of writing them back
                // while the next path is measured (on 2 cores that writeback took CPU from whichever ran next).
                SqliteConnection.ClearAllPools();
                foreach (var part in new[] { store, store + "-wal", store + "-shm" })
                {
                    File.Delete(part);
                }

                return rate;
            }

            // Warm every path up (JIT, SQLite code) on a slice, so none pays for starting first.
            var warmUp = events.Take(Math.Min(50_000, events.Count)).ToList();
            await MeasureAsync(CeilingAsync, warmUp);
            await MeasureAsync(CeilingWithoutContentAsync, warmUp);
            await MeasureAsync(RawTableAsync, warmUp);
            await MeasureAsync(StoreWritesAsync, warmUp);
            await MeasureAsync(PipelineAsync, warmUp);
            if (options.Postgres is { } server)
            {
                // A smaller slice: PostgreSQL's path is slower, and the JIT is what the warm-up is for.
                await PostgresPipelineAsync(server, [.. events.Take(Math.Min(10_000, events.Count))], cancellationToken);
            }

            var ceiling = new List<double>();
            var withoutContent = new List<double>();
            var rawTable = new List<double>();
            var writes = new List<double>();
            var pipeline = new List<double>();
            var postgres = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                ceiling.Add(await MeasureAsync(CeilingAsync, events));
                withoutContent.Add(await MeasureAsync(CeilingWithoutContentAsync, events));
                rawTable.Add(await MeasureAsync(RawTableAsync, events));
                writes.Add(await MeasureAsync(StoreWritesAsync, events));
                pipeline.Add(await MeasureAsync(PipelineAsync, events));
                if (options.Postgres is { } onServer)
                {
                    // Right after SQLite's pipeline on the same events, so both see the same spell of a shared machine.
                    postgres.Add(await PostgresPipelineAsync(onServer, events, cancellationToken));
                }
            }

            var (c, b, r, w, p) = (Median(ceiling), Median(withoutContent), Median(rawTable), Median(writes), Median(pipeline));
            output.WriteLine($"{count:N0} events, median of {runs} runs");
            output.WriteLine($"raw ceiling (plain batched INSERT of each event's row, bare table): {c,10:N0} events/s");
            output.WriteLine($"the same rows without their content (excerpt, name):  {b,10:N0} events/s  ({b / c:0.00} of ceiling)");
            output.WriteLine($"raw events table alone (time-led dedupe key):    {r,10:N0} events/s  ({r / c:0.00} of ceiling)");
            output.WriteLine($"store writes alone (one row per event, no logic): {w,9:N0} events/s  ({w / c:0.00} of ceiling)");
            output.WriteLine($"full pipeline (dedupe + facts + rollups):        {p,10:N0} events/s  ({p / c:0.00} of ceiling, {p / w:0.00} of the store writes)");
            if (postgres.Count > 0)
            {
                var pg = Median(postgres);
                output.WriteLine($"full pipeline on PostgreSQL (same events):       {pg,10:N0} events/s  ({pg / c:0.00} of ceiling, {pg / p:0.00} of SQLite's pipeline)");
            }

            // Each run's pipeline against the ceiling of the same run (measured a few seconds apart), so a slow
            // spell of a shared machine weighs on both sides of a ratio; every run's ratio is printed.
            var ratios = ceiling.Zip(pipeline, (ceilingRate, pipelineRate) => pipelineRate / ceilingRate).ToList();
            output.WriteLine($"pipeline/ceiling per run: {Figures(ratios)}");
            var stricter = withoutContent.Zip(pipeline, (bareRate, pipelineRate) => pipelineRate / bareRate).ToList();
            output.WriteLine($"pipeline/rows without content per run: {Figures(stricter)}");
            output.WriteLine($"ratio pipeline/ceiling: {Median(ratios):0.00} (median of the runs' ratios; target >= 0.50); against the rows without content: {Median(stricter):0.00}");
            if (postgres.Count > 0)
            {
                var slower = pipeline.Zip(postgres, (sqliteRate, postgresRate) => sqliteRate / postgresRate).ToList();
                output.WriteLine($"SQLite/PostgreSQL pipeline per run: {Figures(slower)}");
                output.WriteLine($"ratio SQLite/PostgreSQL pipeline: {Median(slower):0.00} (median of the runs' ratios; target <= 2.00)");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The first <see cref="IngestionBenchmarkOptions.Events"/> events of the community asked for.</summary>
    private static List<IngestEvent> Events(IngestionBenchmarkOptions options)
    {
        if (!options.Large)
        {
            return DemoCommunity.Create(seed: 7).GenerateEvents(options.Events).ToList();
        }

        // Its founding members first (200,000 member upserts), then enough days of activity to reach the count.
        var scale = LargeCommunityScale.Full;
        var days = (int)Math.Min(365, (options.Events / scale.EventsPerDay) + 2);
        return [.. new LargeCommunity(seed: 18, scale).History(LargeStart, days).Take(options.Events)];
    }

    private static string Figures(IEnumerable<double> ratios) => string.Join(" ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)));

    /// <summary>A positive whole-number option (<c>--name N</c>), or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="ArgumentException">The value is missing, not a number or not positive.</exception>
    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }

        var value = at + 1 < args.Length ? args[at + 1] : null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes a positive whole number, got '{value}'.");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static Task<double> CeilingAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken) =>
        BareTableAsync(path, events, withContent: true, cancellationToken);

    private static Task<double> CeilingWithoutContentAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken) =>
        BareTableAsync(path, events, withContent: false, cancellationToken);

    private static async Task<double> BareTableAsync(string path, List<IngestEvent> events, bool withContent, CancellationToken cancellationToken)
    {
        await using var connection = await SqlitePragmas.OpenAsync($"Data Source={path}", cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = BareTable;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return InsertRows(connection, events, withContent ? BareInsert : BareInsertWithoutContent, withContent);
    }

    private static async Task<double> RawTableAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        var connectionString = await MigratedStoreAsync(path, cancellationToken);
        await using var connection = await SqlitePragmas.OpenAsync(connectionString, cancellationToken);
        var analytics = events.Where(e => e.Type is not (IngestEventType.GuildUpsert or IngestEventType.ChannelUpsert or IngestEventType.MemberUpsert)).ToList();
        var rate = InsertRows(connection, analytics, RawInsert, withContent: false);
        return rate * events.Count / analytics.Count;
    }

    /// <summary>
    /// The rows the pipeline must write for these events on this data model, and nothing else: the message
    /// fact of a create, the reaction fact of an add, the raw row of every other event, into the store's
    /// real tables (their keys and indexes), same batches. No validation, resolving, state checks or rollups.
    /// </summary>
    private static async Task<double> StoreWritesAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        var connectionString = await MigratedStoreAsync(path, cancellationToken);
        await using var connection = await SqlitePragmas.OpenAsync(connectionString, cancellationToken);
        var analytics = events.Where(e => e.Type is not (IngestEventType.GuildUpsert or IngestEventType.ChannelUpsert or IngestEventType.MemberUpsert)).ToList();
        using var raw = new PreparedStatement(connection, RawInsert);
        using var message = new PreparedStatement(connection, """
            INSERT INTO messageFacts (guildId, messageId, channelId, threadId, authorId, isBot, createdAt, day, excerpt, referencedMessageId, isCreated)
            VALUES (@p0, @p1, @p2, NULL, @p3, @p4, @p5, @p6, @p7, @p8, 1) ON CONFLICT DO NOTHING
            """);
        using var reaction = new PreparedStatement(connection, """
            INSERT INTO reactionFacts (guildId, messageId, emoji, userId, channelId, day, isBot, createdAt)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) ON CONFLICT DO NOTHING
            """);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in analytics.Chunk(10_000))
        {
            using var transaction = connection.BeginTransaction();
            foreach (var e in chunk)
            {
                var day = DayBucket.FromUnixMs(e.EventAt);
                if (e.Type == IngestEventType.MessageCreate)
                {
                    message.Execute((long)e.GuildId, (long)e.MessageId!.Value, (long)e.ChannelId!.Value, (long)e.UserId!.Value, e.IsBot, e.EventAt, day, e.Excerpt, (long?)e.ReferencedMessageId);
                }
                else if (e.Type == IngestEventType.ReactionAdd)
                {
                    reaction.Execute((long)e.GuildId, (long)e.MessageId!.Value, e.Emoji, (long)e.UserId!.Value, (long)e.ChannelId!.Value, day, e.IsBot, e.EventAt);
                }
                else
                {
                    raw.Execute((long)e.GuildId, e.KeyAt, e.TypeName, e.EventId, e.EventAt, (long?)e.ChannelId, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot);
                }
            }

            transaction.Commit();
        }

        return events.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Plain batched inserts: one prepared statement (the writer's own statement code), 10,000 rows per transaction.
    /// With <paramref name="withContent"/> the statement also takes the event's excerpt and name (@p10, @p11).
    /// </summary>
    private static double InsertRows(SqliteConnection connection, List<IngestEvent> events, string sql, bool withContent)
    {
        var watch = Stopwatch.StartNew();
        using var insert = new PreparedStatement(connection, sql);
        foreach (var chunk in events.Chunk(10_000))
        {
            using var transaction = connection.BeginTransaction();
            foreach (var e in chunk)
            {
                if (withContent)
                {
                    insert.Execute((long)e.GuildId, e.KeyAt, e.TypeName, e.EventId, e.EventAt, (long?)e.ChannelId, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot, e.Excerpt, e.Name);
                }
                else
                {
                    insert.Execute((long)e.GuildId, e.KeyAt, e.TypeName, e.EventId, e.EventAt, (long?)e.ChannelId, (long?)e.MessageId, (long?)e.UserId, e.Emoji, e.IsBot);
                }
            }

            transaction.Commit();
        }

        return events.Count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> PipelineAsync(string path, List<IngestEvent> events, CancellationToken cancellationToken) =>
        await PipelineAsync(new StorageOptions { ConnectionString = await MigratedStoreAsync(path, cancellationToken) }, events, cancellationToken);

    private static async Task<double> PipelineAsync(StorageOptions storage, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        using var pipeline = Pipeline(storage);
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

    /// <summary>
    /// The full pipeline into a new database of <paramref name="server"/>, created and migrated before the clock starts and
    /// dropped afterwards (as each SQLite run has a fresh file).
    /// </summary>
    private static async Task<double> PostgresPipelineAsync(string server, List<IngestEvent> events, CancellationToken cancellationToken)
    {
        var name = $"da_bench_ingest_{Guid.NewGuid():N}";
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await OnServerAsync(server, $"CREATE DATABASE \"{name}\"", cancellationToken);
        try
        {
            var storage = new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = database };
            await MigrateAsync(storage, cancellationToken);
            return await PipelineAsync(storage, events, cancellationToken);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        }
    }

    /// <summary>Runs one statement on the database <paramref name="server"/> names (<c>postgres</c> when it names none).</summary>
    private static async Task OnServerAsync(string server, string sql, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        builder.Database ??= "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The real pipeline over a bench store, in bulk batches (the history-ingestion shape).</summary>
    internal static IngestionPipeline Pipeline(string connectionString) => Pipeline(new StorageOptions { ConnectionString = connectionString });

    /// <inheritdoc cref="Pipeline(string)"/>
    internal static IngestionPipeline Pipeline(StorageOptions storage) => new(
        Options.Create(new IngestionOptions { MaxBatchSize = 10_000, QueueCapacity = 50_000 }),
        Options.Create(storage),
        new IngestionMode(IsDemo: false),
        new IngestionNotifier(),
        TimeProvider.System,
        NullLogger<IngestionPipeline>.Instance);

    /// <summary>Applies the store's migrations to <paramref name="storage"/> (a SQLite file or a PostgreSQL database).</summary>
    internal static async Task MigrateAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        await using var db = new AnalyticsDbContext(new DbContextOptionsBuilder<AnalyticsDbContext>().UseStore(storage).Options);
        await db.Database.MigrateAsync(cancellationToken);
    }

    internal static async Task<string> MigratedStoreAsync(string path, CancellationToken cancellationToken)
    {
        var connectionString = $"Data Source={path}";
        var options = new DbContextOptionsBuilder<AnalyticsDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options;
        await using var db = new AnalyticsDbContext(options);
        await db.Database.MigrateAsync(cancellationToken);
        return connectionString;
    }
}
