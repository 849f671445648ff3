using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Backfill.BackfillWorld;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>
/// A run pages several channels at once (Backfill:MaxConcurrentChannels) against the loopback emulator's REST
/// surface and its per-channel buckets, through the real REST client, pipeline and store.
/// </summary>
public sealed class ConcurrentBackfillTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Now);
    private EmulatedHistory _history = null!;

    public async Task InitializeAsync() => _history = await EmulatedHistory.StartAsync();

    public async Task DisposeAsync() => await _history.DisposeAsync();

    [Fact]
    public async Task Run_TenChannels_PagesUpToTheLimitAtOnceAndImportsExactlyTheHistory()
    {
        var together = await RunHoldingPagesAsync(channels: 10, seed: 7, holdUntil: 4, new BackfillOptions { MaxConcurrentChannels = 4 });

        // Four page requests were in the emulator together, and never more than the limit.
        Assert.Equal(4, together);
    }

    [Fact]
    public async Task Run_ManyChannelsWithTheDefaults_PagesEnoughAtOnceForTheGlobalLimitWithinEveryBucket()
    {
        // Ten channels at 5 requests/s each fill Discord's 50/s: with the default setting, twenty-four page together
        // (the rendezvous holds every page until twenty are in), each within its own bucket.
        var together = await RunHoldingPagesAsync(channels: 24, seed: 5, holdUntil: 20, new BackfillOptions());

        Assert.InRange(together, 20, 24);
    }

    [Fact]
    public async Task Run_KilledWhileChannelsPageConcurrently_ResumesFromEachCheckpointWithoutCountingTwice()
    {
        var sizes = AddChannels(6, seed: 11);
        long runId;
        using (var plug = new CancellationTokenSource())
        {
            // Killed right after the third page of #c0 is fetched; the other channels are somewhere in their own pages.
            await using var first = await BackfillProcess.StartAsync(_history.Store, new InterruptingHistorySource(BackfillProcess.RestSource(_history.Emulator), killOnPage: 3, plug, channelId: 1000), _time, new BackfillOptions { MaxConcurrentChannels = 3 });
            await first.IngestAsync(GuildCreated());
            await first.Service.StartAsync(Guild, 7, null, default);
            runId = Assert.Single(first.Scheduler.Enqueued);
            await first.Runner.RunAsync(runId, plug.Token);
            var interrupted = await first.Service.GetStatusAsync(Guild, default);
            Assert.Equal(BackfillState.Running, interrupted!.State);
            Assert.Equal(200, Assert.Single(interrupted.Channels, c => c.ChannelId == "1000").Messages);
        }

        await using var second = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time, new BackfillOptions { MaxConcurrentChannels = 3 });
        await new BackfillResumer(_history.Store, second.Scheduler, NullLogger<BackfillResumer>.Instance).StartAsync(default);
        Assert.Equal([runId], second.Scheduler.Enqueued);
        await second.RunEnqueuedAsync();

        await AssertExactlyTheHistoryAsync(second, sizes);
        // Each channel redid at most the one page it had fetched but not checkpointed when the process died.
        foreach (var (channel, count) in sizes)
        {
            var pages = _history.Emulator.RestRequests.Count(r => r.Path == $"/channels/{channel}/messages");
            Assert.InRange(pages, (count / 100) + 1, (count / 100) + 2);
        }
    }

    [Fact]
    public async Task Pause_WhileChannelsPageConcurrently_StopsAtTheNextPageAndResumesToTheExactTotals()
    {
        var sizes = AddChannels(5, seed: 3);
        var gate = new GatedHistorySource(BackfillProcess.RestSource(_history.Emulator), holdOnPage: 4);
        await using var process = await BackfillProcess.StartAsync(_history.Store, gate, _time, new BackfillOptions { MaxConcurrentChannels = 3 });
        await process.IngestAsync(GuildCreated());
        await process.Service.StartAsync(Guild, 7, null, default);
        var running = process.RunEnqueuedAsync();
        await gate.Held.Task.WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(BackfillOutcomeKind.Ok, (await process.Service.PauseAsync(Guild, default)).Kind);
        await running.WaitAsync(Eventually.DefaultTimeout);
        var paused = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Paused, paused!.State);
        Assert.True(paused.Messages < sizes.Values.Sum(), "paused before the end");

        Assert.Equal(BackfillOutcomeKind.Ok, (await process.Service.ResumeAsync(Guild, default)).Kind);
        await process.Runner.RunAsync(process.Scheduler.Enqueued[^1], default);

        await AssertExactlyTheHistoryAsync(process, sizes);
    }

    /// <summary>
    /// A whole run over <paramref name="channels"/> channels, each page held in the emulator until
    /// <paramref name="holdUntil"/> are in: no 429 and exactly the history imported. Returns the most page requests
    /// the emulator held at once.
    /// </summary>
    private async Task<int> RunHoldingPagesAsync(int channels, int seed, int holdUntil, BackfillOptions options)
    {
        var sizes = AddChannels(channels, seed);
        _history.Emulator.HoldPagesUntilInFlight = holdUntil;
        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time, options);
        await process.IngestAsync(GuildCreated());

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        Assert.Equal(0, _history.Emulator.UnexpectedRateLimits);
        Assert.DoesNotContain(_history.Emulator.RestRequests, r => r.Status == 429);
        await AssertExactlyTheHistoryAsync(process, sizes);
        return _history.Emulator.MaxPagesInFlight;
    }

    /// <summary>Channels 1000, 1001, ... with 50 to 449 messages each inside the window (every fifth with two reactions) and some older ones.</summary>
    private Dictionary<long, int> AddChannels(int count, int seed)
    {
        var random = new Random(seed);
        var sizes = new Dictionary<long, int>();
        for (var c = 0; c < count; c++)
        {
            var channel = 1000 + c;
            _history.Emulator.History.AddChannel($"{channel}", $"c{c}", 0);
            var messages = random.Next(50, 450);
            sizes[channel] = messages;
            for (var i = 0; i < messages; i++)
            {
                _history.Emulator.History.AddMessage($"{channel}", IdAt(DaysAgo(6) + (i * 60_000L), c), $"{200 + (i % 7)}", "member", reactions: i % 5 == 0 ? [("🔥", ["301", "302"])] : []);
            }

            _history.Emulator.History.AddMessage($"{channel}", IdAt(DaysAgo(9), c), "201", "old");
        }

        return sizes;
    }

    private async Task AssertExactlyTheHistoryAsync(BackfillProcess process, Dictionary<long, int> sizes)
    {
        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Completed, status!.State);
        foreach (var (channel, count) in sizes)
        {
            var truth = _history.Emulator.History.MessagesSince($"{channel}", DaysAgo(7));
            Assert.Equal(count, truth.Count);
            Assert.Equal(truth.ToHashSet(), await StoredMessageIdsAsync(_history.Store, channel));
            Assert.Equal(count, await CountedMessagesAsync(_history.Store, channel));
            Assert.Equal(((count + 4) / 5) * 2, await CountedReactionsAsync(_history.Store, channel));
            Assert.Equal(count, Assert.Single(status.Channels, c => c.ChannelId == $"{channel}").Messages);
        }

        Assert.Equal(sizes.Values.Sum(), status.Messages);
    }
}
