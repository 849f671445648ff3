using System.Diagnostics;
using System.Globalization;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>bench backfill [--channels N] [--messages M] [--concurrency C]</c>: one backfill run through the real runner,
/// REST client, pipeline and a fresh SQLite store against <see cref="FakeHistoryServer"/> (5 requests/s per channel,
/// 50/s global), and the request rate achieved against the rate allowed.
/// </summary>
public static class BackfillBenchmark
{
    private const int WildMessages = 466_000;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var channels = Argument(args, "--channels", 7);
        var messages = Argument(args, "--messages", 1000);
        var concurrency = Argument(args, "--concurrency", new BackfillOptions().MaxConcurrentChannels);
        var folder = Directory.CreateTempSubdirectory("da-bench-backfill-");
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using var server = new FakeHistoryServer(channels, messages, now.AddMinutes(-1).ToUnixTimeMilliseconds());
            await server.StartAsync();
            var connectionString = await IngestionBenchmark.MigratedStoreAsync(Path.Combine(folder.FullName, "bench.db"), cancellationToken);
            var contexts = new StoreContexts(new DbContextOptionsBuilder<AnalyticsDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options);
            using var pipeline = IngestionBenchmark.Pipeline(connectionString);
            await pipeline.StartAsync(cancellationToken);
            var options = Options.Create(new BackfillOptions { MaxConcurrentChannels = concurrency, MaxDays = 3650 });
            using var http = new HttpClient();
            var rest = new DiscordRestClient(http, Options.Create(new DiscordOptions { Token = "bench", ApiBaseUrl = server.ApiBaseUrl }), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
            IHistorySource[] sources = [new RestHistorySource(rest)];
            var registry = new BackfillRegistry(TimeProvider.System);
            var notifier = new BackfillNotifier();
            var scheduler = new CollectingScheduler();
            var runner = new BackfillRunner(contexts, sources, new DispatchNormalizer(TimeProvider.System, NullLogger<DispatchNormalizer>.Instance), pipeline, pipeline, registry, notifier, options, TimeProvider.System, NullLogger<BackfillRunner>.Instance);
            var service = new BackfillService(contexts, sources, scheduler, registry, notifier, options, TimeProvider.System);
            await pipeline.WriteAsync(new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = FakeHistoryServer.GuildId, EventAt = now.ToUnixTimeMilliseconds(), Name = "Bench" }, cancellationToken);
            await pipeline.FlushAsync(cancellationToken);

            // Deep enough for every message (one a minute per channel).
            var days = BackfillOptions.Depths.First(d => d * 1440 >= messages + 2);
            await service.StartAsync(FakeHistoryServer.GuildId, days, null, cancellationToken);
            var watch = Stopwatch.StartNew();
            await runner.RunAsync(scheduler.RunIds.Single(), cancellationToken);
            watch.Stop();
            var status = await service.GetStatusAsync(FakeHistoryServer.GuildId, cancellationToken);
            await pipeline.StopAsync(cancellationToken);

            var seconds = watch.Elapsed.TotalSeconds;
            var achieved = server.MessageRequests / seconds;
            var allowed = Math.Min(FakeHistoryServer.GlobalPerSecond, channels * FakeHistoryServer.PerChannelPerSecond);
            // At Discord's limits with as many channels in flight as the setting allows: 100 messages a request.
            var wildRate = Math.Min(FakeHistoryServer.GlobalPerSecond, concurrency * FakeHistoryServer.PerChannelPerSecond) * achieved / allowed;
            var projected = TimeSpan.FromSeconds(WildMessages / 100d / wildRate);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backfill: {channels} channels x {messages} messages, {concurrency} at once: {status?.State}, {status?.Messages} messages, {server.MessageRequests} page requests in {seconds:0.0} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests/s: {achieved:0.0} achieved of {allowed} allowed ({100 * achieved / allowed:0}%), 429s: {server.BucketRateLimited} bucket, {server.GlobalRateLimited} global"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"projected for {WildMessages} messages at Discord's limits (5/s per channel, 50/s global, {concurrency} channels at once): {projected.TotalMinutes:0.0} min"));
            return status?.State == BackfillState.Completed && status.Messages == channels * messages ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class StoreContexts(DbContextOptions<AnalyticsDbContext> options) : IDbContextFactory<AnalyticsDbContext>
    {
        public AnalyticsDbContext CreateDbContext() => new(options);
    }

    private sealed class CollectingScheduler : IBackfillScheduler
    {
        public List<long> RunIds { get; } = [];

        public void Enqueue(long runId) => RunIds.Add(runId);
    }
}
