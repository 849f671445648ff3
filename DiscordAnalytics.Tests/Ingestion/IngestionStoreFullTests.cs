using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// The store fills up while events arrive (a real SQLITE_FULL: <see cref="StoreSpace"/> caps the real file's pages)
/// and space comes back later. Before, the writer retried a batch three times, then wrote its events one by one,
/// failed each and dropped them: 0 of 241 messages were counted. Now it holds the batch, takes no more events (the
/// queue fills, sources wait), says why on /healthz and in the log once a minute, and commits everything once the
/// store takes writes again: the summary equals the ground truth of the whole stream. The clock is fake, so each
/// retry happens when the test moves time on.
/// </summary>
public sealed class IngestionStoreFullTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Summary_StoreFullWhileEventsArrive_EveryEventCountedOnceSpaceIsBack()
    {
        var events = RandomEventStream.Generate(seed: 5, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 45);
        var time = new FakeTimeProvider(Now);
        var space = new StoreSpace();
        var logs = new CapturingLoggerProvider();
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?> { ["Ingestion:QueueCapacity"] = "100", ["Ingestion:MaxBatchSize"] = "50" },
            time,
            services =>
            {
                services.AddSingleton<IStoreWriteHook>(space);
                services.AddSingleton<ILoggerProvider>(logs);
            });
        using var api = app.CreateApiClient();
        using var anonymous = app.CreateClient();
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();

        var before = events.Count / 3;
        await app.IngestAsync(events.Take(before));
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(anonymous)).Status);

        space.Fill();
        var feeding = Task.Run(async () =>
        {
            foreach (var e in events.Skip(before))
            {
                await pipeline.WriteAsync(e, CancellationToken.None);
            }
        });

        // Full: the writer holds its batch and takes no more, the queue fills to its capacity and the source waits.
        await Eventually.TrueAsync(
            () => pipeline.StoreStatus.State == StoreWriteState.StoreUnavailable && pipeline.QueueLength == 100,
            "the store is full and the queue is full behind the held batch");
        var (status, body) = await HealthAsync(anonymous);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var ingestion = body.GetProperty("ingestion");
        Assert.Equal("storeUnavailable", ingestion.GetProperty("state").GetString());
        Assert.Equal("store full", ingestion.GetProperty("reason").GetString());
        Assert.Equal(150, ingestion.GetProperty("pending").GetInt64());
        Assert.Equal(0, ingestion.GetProperty("deadLetters").GetInt32());
        Assert.False(feeding.IsCompleted, "the source waits while the store is full");

        // Retries (fast at first, backing off) say it once, then once a minute: never per retry or per event.
        await MoveTimeUntilAsync(time, () => pipeline.StoreStatus.FailedAttempts >= 6, TimeSpan.FromSeconds(1), "six attempts failed");
        Assert.Single(logs.Lines, l => l.Contains("refuses writes (store full)", StringComparison.Ordinal));
        await MoveTimeUntilAsync(time, () => logs.Lines.Any(l => l.Contains("still refuses writes", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "a minute has passed");
        Assert.Single(logs.Lines, l => l.Contains("still refuses writes", StringComparison.Ordinal));
        Assert.True(pipeline.StoreStatus.FailedAttempts > 7);
        Assert.Equal(before, pipeline.Processed);

        space.Free();
        await MoveTimeUntilAsync(time, () => feeding.IsCompleted && pipeline.Pending == 0, TimeSpan.FromSeconds(5), "everything held is committed");
        (status, body) = await HealthAsync(anonymous);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("writing", body.GetProperty("ingestion").GetProperty("state").GetString());
        Assert.Contains(logs.Lines, l => l.Contains("accepts writes again", StringComparison.Ordinal));
        Assert.True(space.BatchesWhileFull > 7);

        var summary = IngestionGroundTruthTests.Parse(await api.GetStringAsync(IngestionGroundTruthTests.SummaryUrl));
        IngestionGroundTruthTests.AssertMatchesGroundTruth(new GroundTruth(events), summary, time.GetUtcNow());
        Assert.DoesNotContain(logs.Lines, l => l.Contains("dead letter", StringComparison.Ordinal));
    }

    /// <summary>Moves the fake clock on by <paramref name="step"/> until the condition holds: each move lets a due retry run.</summary>
    internal static async Task MoveTimeUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan step, string because)
    {
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }

            time.Advance(step);
            await Task.Delay(10);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()));
    }
}
