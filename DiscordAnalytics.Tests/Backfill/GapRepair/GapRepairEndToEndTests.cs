using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Backfill.GapRepair;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static DiscordAnalytics.Tests.Backfill.GapRepair.GapRepairWorld;

namespace DiscordAnalytics.Tests.Backfill.GapRepair;

/// <summary>
/// Downtime leaves no hole, on the whole app in live mode: the loopback emulator is Discord (gateway and REST), the
/// store is one SQLite file that outlives each "process", the repair runs as a Hangfire job. Ground truth is every
/// message Discord's history holds, by brute force.
/// </summary>
[Collection(JobServerCollection.Name)]
public sealed class GapRepairEndToEndTests : IAsyncLifetime
{
    private Emulator _emulator = null!;
    private TempSqliteStore _store = null!;
    private GapRepairWorld _world = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulator.StartAsync();
        _store = await TempSqliteStore.CreateMigratedAsync();
        _world = new GapRepairWorld(_emulator, _store.ConnectionString);
        _world.Open();
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Restart_AfterDowntime_ImportsTheMissedSpanOnceAndASecondStartChangesNoNumber()
    {
        var upUntil = DateTimeOffset.UtcNow.AddHours(-2);
        var delivered = new List<(ulong Channel, ulong Id)>();
        for (var i = 0; i < 4; i++)
        {
            delivered.Add((General, _world.Happen(General, upUntil.AddMinutes(-20 + (i * 4)))));
        }

        delivered.Add((Chat, _world.Happen(Chat, upUntil.AddMinutes(-30))));
        // 601 reacted while the app watched; 602 reacts while it is down (Discord's count says 2).
        var reacted = _world.Happen(General, upUntil.AddMinutes(-1), "601", "602");
        delivered.Add((General, reacted));

        await using (var first = _world.App())
        {
            _ = first.Services;
            await _emulator.WaitForIdentifyAsync();
            await _world.GuildCreateAsync();
            foreach (var (channel, id) in delivered)
            {
                await _world.DeliverAsync(channel, id);
            }

            await _world.JoinAsync("700", upUntil.AddMinutes(-10), deliver: true);
            await _world.StoredAsync(delivered.Count);
            Assert.Equal(1, await Eventually.ReturnsAsync(_world.JoinsAsync, joins => joins == 1));
            // The gateway's reaction, stored when it happened (a live MESSAGE_REACTION_ADD is stamped on arrival).
            await first.IngestAsync([new IngestEvent
            {
                Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = upUntil.AddSeconds(-30).ToUnixTimeMilliseconds(),
                ChannelId = General, MessageId = reacted, UserId = 601, Emoji = "👍",
            }]);
            Assert.Empty(await _world.GapRunsAsync());
        }

        // Down: Discord's history gains what the gateway would have delivered, a thread included in a channel that
        // had no activity before.
        var down = DateTimeOffset.UtcNow;
        _world.Happen(General, down.AddMinutes(-50), "603");
        _world.Happen(General, down.AddMinutes(-40));
        _world.Happen(Chat, down.AddMinutes(-30));
        var thread = _world.OpenThread(Quiet, down.AddMinutes(-20));
        _world.Happen(thread, down.AddMinutes(-20));
        _world.Happen(thread, down.AddMinutes(-10), "604", "605");
        // The member list: one join the gateway delivered, one while down, one long before the app watched.
        await _world.JoinAsync("701", down.AddMinutes(-15), deliver: false);
        await _world.JoinAsync("699", upUntil.AddDays(-30), deliver: false);

        IReadOnlyDictionary<ulong, (long Messages, long Reactions, long Threads)> afterRepair;
        await using (var second = _world.App())
        {
            _ = second.Services;
            await _emulator.WaitForIdentifyAsync(2);
            await _world.GuildCreateAsync();
            Assert.Equal(BackfillState.Completed.StoredName(), await _world.RepairFinishedAsync(1));

            var jobs = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            await Eventually.TrueAsync(() => jobs.SucceededJobs(0, 10).Any(j => j.Value.Job.Method.Name == nameof(BackfillJob.RepairGapAsync)), "/hangfire lists the gap repair as succeeded");
            var status = await second.Services.GetRequiredService<GapRepairService>().GetStatusAsync(Guild, default);
            Assert.True(status.Enabled);
            Assert.Equal(upUntil.AddSeconds(-30).AddMinutes(-5).ToUnixTimeMilliseconds(), status.Last!.CutoffAt);
            afterRepair = await _world.CountedAsync();
        }

        Assert.Equal(_world.TruthMessageIds(), await _world.StoredMessageIdsAsync());
        var gap = Assert.Single(await _world.GapRunsAsync());
        Assert.Equal(BackfillState.Completed, gap.State);
        Assert.Equal((_world.TruthFor(General).Messages, _world.TruthFor(General).Reactions, 0L), afterRepair[General]);
        Assert.Equal((_world.TruthFor(Chat).Messages, 0L, 0L), afterRepair[Chat]);
        Assert.Equal((_world.TruthFor(thread).Messages, _world.TruthFor(thread).Reactions, 1L), afterRepair[Quiet]);
        Assert.Equal(3, afterRepair[General].Reactions);
        Assert.Equal(2, await _world.JoinsAsync());

        // A second start whose repair reaches back over everything (threshold 0, margin 4 h) imports nothing new.
        await using (var third = _world.App(new Dictionary<string, string?> { ["Backfill:GapRepairAfter"] = "00:00:00", ["Backfill:GapRepairMargin"] = "04:00:00" }))
        {
            _ = third.Services;
            await _emulator.WaitForIdentifyAsync(3);
            Assert.Equal(BackfillState.Completed.StoredName(), await _world.RepairFinishedAsync(2));
        }

        Assert.Equal(_world.TruthMessageIds(), await _world.StoredMessageIdsAsync());
        Assert.Equal(afterRepair, await _world.CountedAsync());
        Assert.Equal(2, await _world.JoinsAsync());
        Assert.Equal(0, _emulator.UnexpectedRateLimits);
    }

    [Fact]
    public async Task InvalidSession_MidRun_RepairsWhatTheLostSessionNeverDelivered()
    {
        var now = DateTimeOffset.UtcNow;
        var delivered = new[] { (General, _world.Happen(General, now.AddHours(-1))), (Chat, _world.Happen(Chat, now.AddMinutes(-50))) };
        await using var app = _world.App();
        _ = app.Services;
        await _emulator.WaitForIdentifyAsync();
        await _world.GuildCreateAsync();
        foreach (var (channel, id) in delivered)
        {
            await _world.DeliverAsync(channel, id);
        }

        await _world.StoredAsync(delivered.Length);

        // A long outage: Discord expires the session (the RESUME gets INVALID_SESSION d:false) and keeps what happened
        // meanwhile only in its history.
        _world.Happen(General, now.AddMinutes(-5), "601");
        _world.Happen(Chat, now.AddMinutes(-4));
        _emulator.ExpireSession();
        await _emulator.DropConnectionAsync();
        await _emulator.WaitForIdentifyAsync(2);

        Assert.Equal(BackfillState.Completed.StoredName(), await _world.RepairFinishedAsync(1));
        Assert.Single(_emulator.RefusedResumes);
        Assert.Equal(_world.TruthMessageIds(), await _world.StoredMessageIdsAsync());
        var counted = await _world.CountedAsync();
        Assert.Equal((2L, 1L, 0L), counted[General]);
        Assert.Equal((2L, 0L, 0L), counted[Chat]);
    }

    [Theory]
    [InlineData("Backfill:GapRepairAfter", "1.00:00:00", true)]
    [InlineData("Backfill:GapRepair", "false", false)]
    public async Task Start_LastEventWithinThresholdOrRepairOff_StartsNoRepair(string key, string value, bool enabled)
    {
        var stored = _world.Happen(General, DateTimeOffset.UtcNow.AddHours(-2));
        // What a stopped app left: the guild, its channel and a message two hours old.
        await _store.WriteInBatchesAsync(
        [
            new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = 1, Name = "Gap Guild" },
            new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = 1, ChannelId = General, ChannelType = ChannelTypes.Text, Name = "general" },
            new IngestEvent
            {
                Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Core.Discord.Snowflake.ToUnixMs(stored), ChannelId = General,
                MessageId = stored, UserId = 501, Excerpt = "said while someone watched",
            },
        ], 10);
        _world.Happen(General, DateTimeOffset.UtcNow.AddHours(-1));
        await using var app = _world.App(new Dictionary<string, string?> { [key] = value });
        _ = app.Services;
        await _emulator.WaitForIdentifyAsync();

        // The decision is taken at READY, before the session's next dispatch is written: once this one is stored, it is made.
        var marker = _world.Happen(General, DateTimeOffset.UtcNow);
        await _world.DeliverAsync(General, marker);
        await _world.StoredAsync(2);

        Assert.Empty(await _world.GapRunsAsync());
        var status = await app.Services.GetRequiredService<GapRepairService>().GetStatusAsync(Guild, default);
        Assert.Equal(enabled, status.Enabled);
        Assert.Null(status.Last);
        Assert.DoesNotContain(_emulator.RestRequests, r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
    }
}
