using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Backfill.BackfillWorld;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>Backfill against the loopback Discord emulator's REST surface, through the real REST client, pipeline and store.</summary>
public sealed class BackfillRunnerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Now);
    private EmulatedHistory _history = null!;

    public async Task InitializeAsync() => _history = await EmulatedHistory.StartAsync();

    public async Task DisposeAsync() => await _history.DisposeAsync();

    [Fact]
    public async Task Run_DepthSevenDays_ImportsExactlyTheMessagesAtOrAfterTheCutoffAcrossPages()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        var cutoff = DaysAgo(7);
        // 250 messages inside the window (3 pages), then the cut-off instant itself and one millisecond either side.
        for (var i = 0; i < 250; i++)
        {
            _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(6.5) + i * 60_000), "201", "alice");
        }

        _history.Emulator.History.AddMessage("101", IdAt(cutoff + 1), "201", "alice");
        _history.Emulator.History.AddMessage("101", IdAt(cutoff), "202", "bob");
        _history.Emulator.History.AddMessage("101", IdAt(cutoff - 1), "202", "bob");
        _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(20)), "202", "bob");
        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time);
        await process.IngestAsync(GuildCreated());

        var started = await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        Assert.Equal(BackfillOutcomeKind.Ok, started.Kind);
        var truth = _history.Emulator.History.MessagesSince("101", cutoff);
        Assert.Equal(252, truth.Count);
        Assert.Equal(truth.ToHashSet(), await StoredMessageIdsAsync(_history.Store, 101));
        Assert.Equal(252, await CountedMessagesAsync(_history.Store, 101));
        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Completed, status!.State);
        Assert.Equal(252, status.Messages);
        Assert.Equal(3, status.PagesDone);
        Assert.Equal(cutoff, status.OldestAt);
        Assert.Equal(1, status.Progress);
        Assert.Equal(0, _history.Emulator.UnexpectedRateLimits);
    }

    [Theory]
    [InlineData("GuildMembers,MessageContent", true)]
    [InlineData("MessageContent", false)]
    public async Task Run_Manual_ReadsTheMemberListForRolesAndJoinsOnlyWithTheMembersIntent(string intents, bool granted)
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        _history.Emulator.History.AddMember("201", "alice", DateTimeOffset.FromUnixTimeMilliseconds(DaysAgo(3)), "301");
        _history.Emulator.History.AddMember("202", "bob", DateTimeOffset.FromUnixTimeMilliseconds(DaysAgo(30)), "302", "301");
        await using var process = await BackfillProcess.StartAsync(
            _history.Store, BackfillProcess.RestSource(_history.Emulator), _time, discord: new Core.Discord.DiscordOptions { PrivilegedIntents = intents });
        await process.IngestAsync(
            GuildCreated(),
            new IngestEvent { Type = IngestEventType.RoleUpsert, GuildId = Guild, RoleId = 301, Name = "moderators", Role = new RoleDetails(0, 2, false), EventAt = NowMs - 1000 },
            new IngestEvent { Type = IngestEventType.RoleUpsert, GuildId = Guild, RoleId = 302, Name = "subscribers", Role = new RoleDetails(0, 1, false), EventAt = NowMs - 1000 });

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        await using var db = _history.Store.CreateDbContext();
        var held = await db.MemberRoleSpans.Where(s => s.ToAt == null).OrderBy(s => s.UserId).ThenBy(s => s.RoleId).Select(s => new { s.UserId, s.RoleId }).ToListAsync();
        var joins = await db.AnalyticsEvents.Where(e => e.EventType == StoredEventTypes.MemberAdd).Select(e => e.UserId).ToListAsync();
        Assert.Equal(granted, _history.Emulator.RestRequests.Any(r => r.Path.EndsWith($"/guilds/{Guild}/members", StringComparison.Ordinal)));
        if (granted)
        {
            // Roles as listed, observed at the run's time; the list's end makes role filters exact from then; only the
            // join inside the run's 7 days is a join.
            Assert.Equal([(201L, 301L), (202L, 301L), (202L, 302L)], held.Select(h => (h.UserId, h.RoleId)));
            Assert.True(await db.RoleSnapshots.AnyAsync());
            Assert.Equal([201L], joins.Select(j => j!.Value));
        }
        else
        {
            Assert.Empty(held);
            Assert.False(await db.RoleSnapshots.AnyAsync());
            Assert.Empty(joins);
        }
    }

    [Fact]
    public async Task Run_ActiveAndArchivedThreads_ArePagedAndCountForTheirParent()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        _history.Emulator.History.AddChannel("150", "help-forum", 15);
        _history.Emulator.History.ArchivedPageSize = 1;
        var activeThread = IdAt(DaysAgo(2));
        var archivedThread = IdAt(DaysAgo(5));
        var oldArchivedThread = IdAt(DaysAgo(40));
        var forumPost = IdAt(DaysAgo(3));
        _history.Emulator.History.AddActiveThread($"{activeThread}", "101", "release party", "201");
        _history.Emulator.History.AddArchivedThread($"{archivedThread}", "101", "old question", "202", Now.AddDays(-4));
        _history.Emulator.History.AddArchivedThread($"{oldArchivedThread}", "101", "ancient", "202", Now.AddDays(-30));
        _history.Emulator.History.AddActiveThread($"{forumPost}", "150", "how do I", "203");
        _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(1)), "201", "alice");
        _history.Emulator.History.AddMessage($"{activeThread}", IdAt(DaysAgo(1.5)), "201", "alice");
        _history.Emulator.History.AddMessage($"{activeThread}", IdAt(DaysAgo(1.4)), "202", "bob");
        _history.Emulator.History.AddMessage($"{archivedThread}", IdAt(DaysAgo(4.5)), "202", "bob");
        _history.Emulator.History.AddMessage($"{forumPost}", forumPost, "203", "carol");
        _history.Emulator.History.AddMessage($"{oldArchivedThread}", IdAt(DaysAgo(35)), "202", "bob");
        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time);
        await process.IngestAsync(GuildCreated());

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        Assert.Equal(4, await CountedMessagesAsync(_history.Store, 101));
        Assert.Equal(1, await CountedMessagesAsync(_history.Store, 150));
        Assert.Equal(2, await CountedThreadsAsync(_history.Store, 101));
        Assert.Equal(1, await CountedThreadsAsync(_history.Store, 150));
        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(3, status!.Threads);
        Assert.DoesNotContain(status.Channels, c => c.ChannelId == $"{oldArchivedThread}");
        Assert.Equal(5, status.Messages);
    }

    [Fact]
    public async Task Run_ForbiddenChannel_IsSkippedWithItsReasonAndTheRestIsImported()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        _history.Emulator.History.AddChannel("102", "staff", 0);
        _history.Emulator.History.AddChannel("103", "random", 0);
        _history.Emulator.History.Forbid("102");
        foreach (var channel in new[] { "101", "102", "103" })
        {
            _history.Emulator.History.AddMessage(channel, IdAt(DaysAgo(1), int.Parse(channel, System.Globalization.CultureInfo.InvariantCulture)), "201", "alice");
        }

        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time);
        await process.IngestAsync(GuildCreated());

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Completed, status!.State);
        var skipped = Assert.Single(status.Skipped);
        Assert.Equal("102", skipped.ChannelId);
        Assert.StartsWith("403", skipped.SkipReason, StringComparison.Ordinal);
        Assert.Equal(1, await CountedMessagesAsync(_history.Store, 101));
        Assert.Equal(0, await CountedMessagesAsync(_history.Store, 102));
        Assert.Equal(1, await CountedMessagesAsync(_history.Store, 103));
    }

    [Fact]
    public async Task Run_RateLimitStorm_WaitsOutEvery429AndNeverTriggersAnotherOne()
    {
        for (var c = 0; c < 4; c++)
        {
            _history.Emulator.History.AddChannel($"10{c}", $"channel-{c}", 0);
            for (var i = 0; i < 230; i++)
            {
                _history.Emulator.History.AddMessage($"10{c}", IdAt(DaysAgo(5) + i * 1000, c), "201", "alice");
            }

            _history.Emulator.EnqueueRateLimited($"/channels/10{c}/messages", 0.3, global: false);
        }

        _history.Emulator.EnqueueRateLimited($"/guilds/{Guild}/threads/active", 0.2, global: true);
        _history.Emulator.RouteLimit = 2;
        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time);
        await process.IngestAsync(GuildCreated());

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Completed, status!.State);
        Assert.Equal(4 * 230, status.Messages);
        Assert.Equal(0, _history.Emulator.UnexpectedRateLimits);
        // After each 429 the client waited at least retry_after before asking that route again.
        var requests = _history.Emulator.RestRequests;
        Assert.Equal(5, requests.Count(r => r.Status == 429));
        foreach (var limited in requests.Where(r => r.Status == 429))
        {
            var next = requests.FirstOrDefault(r => r.Path == limited.Path && r.At > limited.At);
            Assert.NotNull(next);
            Assert.True(next.At - limited.At >= TimeSpan.FromMilliseconds(180), $"{limited.Path} retried after {(next.At - limited.At).TotalMilliseconds} ms");
            Assert.NotEqual(429, next.Status);
        }

        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(230, await CountedMessagesAsync(_history.Store, 100 + c));
        }
    }

    [Fact]
    public async Task Run_KilledMidChannel_ResumesFromItsCheckpointWithoutDuplicatesOrGaps()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        _history.Emulator.History.AddChannel("102", "random", 0);
        for (var i = 0; i < 450; i++)
        {
            _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(6) + i * 1000), "201", "alice", reactions: i % 10 == 0 ? [("🔥", ["301", "302"])] : []);
        }

        for (var i = 0; i < 120; i++)
        {
            _history.Emulator.History.AddMessage("102", IdAt(DaysAgo(3) + i * 1000), "202", "bob");
        }

        long runId;
        using (var plug = new CancellationTokenSource())
        {
            // Process A: killed right after fetching the third page of #general (two pages are checkpointed; #random is
            // paged alongside and may or may not have committed its pages).
            await using var first = await BackfillProcess.StartAsync(_history.Store, new InterruptingHistorySource(BackfillProcess.RestSource(_history.Emulator), killOnPage: 3, plug, channelId: 101), _time);
            await first.IngestAsync(GuildCreated());
            await first.Service.StartAsync(Guild, 7, null, default);
            runId = Assert.Single(first.Scheduler.Enqueued);
            await first.Runner.RunAsync(runId, plug.Token);
            var interrupted = await first.Service.GetStatusAsync(Guild, default);
            Assert.Equal(BackfillState.Running, interrupted!.State);
            Assert.Equal(200, Assert.Single(interrupted.Channels, c => c.ChannelId == "101").Messages);
        }

        // Process B: starts over the same store; the resumer hands the interrupted run back.
        await using var second = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time);
        await new BackfillResumer(_history.Store, second.Scheduler, Microsoft.Extensions.Logging.Abstractions.NullLogger<BackfillResumer>.Instance).StartAsync(default);
        Assert.Equal([runId], second.Scheduler.Enqueued);
        await second.RunEnqueuedAsync();

        var status = await second.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Completed, status!.State);
        Assert.Equal(_history.Emulator.History.MessagesSince("101", DaysAgo(7)).ToHashSet(), await StoredMessageIdsAsync(_history.Store, 101));
        Assert.Equal(_history.Emulator.History.MessagesSince("102", DaysAgo(7)).ToHashSet(), await StoredMessageIdsAsync(_history.Store, 102));
        Assert.Equal(450, await CountedMessagesAsync(_history.Store, 101));
        Assert.Equal(120, await CountedMessagesAsync(_history.Store, 102));
        Assert.Equal(45 * 2, await CountedReactionsAsync(_history.Store, 101));
        Assert.Equal(570, status.Messages);
        Assert.Equal(90, status.Reactions);
        // Never from the beginning: the first page of #general was fetched once; only the unrecorded third page twice.
        var pages = _history.Emulator.RestRequests.Where(r => r.Path == "/channels/101/messages").Select(r => r.Query).ToList();
        Assert.Single(pages, q => q == "?limit=100");
        Assert.Equal(6, pages.Count);
    }

    [Fact]
    public async Task Run_MessagesAndReactionsTheGatewayAlsoSaw_CountOnce()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        var seen = IdAt(DaysAgo(1));
        var unseen = IdAt(DaysAgo(1) + 5000);
        _history.Emulator.History.AddMessage("101", seen, "201", "alice", reactions: [("🔥", ["301", "302", "303"])]);
        _history.Emulator.History.AddMessage("101", unseen, "202", "bob", reactions: [("👍", ["301"])]);
        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time);
        await process.IngestAsync(
            GuildCreated(),
            new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = DaysAgo(1), ChannelId = 101, MessageId = seen, UserId = 201 },
            new IngestEvent { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = NowMs - 60_000, ChannelId = 101, MessageId = seen, UserId = 301, Emoji = "🔥" });

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        Assert.Equal(2, await CountedMessagesAsync(_history.Store, 101));
        Assert.Equal(4, await CountedReactionsAsync(_history.Store, 101));

        // After the snapshot: a new identified reactor adds one; removing a reactor only the snapshot counted takes one away;
        // an add the snapshot already counted (it happened before) changes nothing.
        var later = NowMs + 60_000;
        await process.IngestAsync(
            new IngestEvent { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = later, ChannelId = 101, MessageId = seen, UserId = 304, Emoji = "🔥" },
            new IngestEvent { Type = IngestEventType.ReactionRemove, GuildId = Guild, EventAt = later + 1, ChannelId = 101, MessageId = seen, UserId = 302, Emoji = "🔥" },
            new IngestEvent { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = NowMs - 30_000, ChannelId = 101, MessageId = seen, UserId = 303, Emoji = "🔥" });
        Assert.Equal(4, await CountedReactionsAsync(_history.Store, 101));

        // A second run over the same history changes nothing.
        await process.Service.StartAsync(Guild, 7, null, default);
        _time.Advance(TimeSpan.FromMinutes(5));
        await process.RunEnqueuedAsync();
        Assert.Equal(2, await CountedMessagesAsync(_history.Store, 101));
    }

    [Fact]
    public async Task Cancel_WhileRunning_StopsTheRunAndKeepsWhatItImported()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        for (var i = 0; i < 300; i++)
        {
            _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(2) + i * 1000), "201", "alice");
        }

        using var plug = new CancellationTokenSource();
        var gate = new GatedHistorySource(BackfillProcess.RestSource(_history.Emulator), holdOnPage: 2);
        await using var process = await BackfillProcess.StartAsync(_history.Store, gate, _time);
        await process.IngestAsync(GuildCreated());
        await process.Service.StartAsync(Guild, 7, null, default);
        var running = process.RunEnqueuedAsync();
        await gate.Held.Task.WaitAsync(Eventually.DefaultTimeout);

        var cancelled = await process.Service.CancelAsync(Guild, default);
        await running.WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(BackfillOutcomeKind.Ok, cancelled.Kind);
        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Cancelled, status!.State);
        Assert.Equal(100, status.Messages);
        Assert.Equal(100, await CountedMessagesAsync(_history.Store, 101));
        Assert.Equal(BackfillOutcomeKind.Conflict, (await process.Service.ResumeAsync(Guild, default)).Kind);
    }

    [Fact]
    public async Task PauseThenResume_ContinuesFromTheCheckpoint()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        for (var i = 0; i < 300; i++)
        {
            _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(2) + i * 1000), "201", "alice");
        }

        var gate = new GatedHistorySource(BackfillProcess.RestSource(_history.Emulator), holdOnPage: 2);
        await using var process = await BackfillProcess.StartAsync(_history.Store, gate, _time);
        await process.IngestAsync(GuildCreated());
        await process.Service.StartAsync(Guild, 7, null, default);
        var running = process.RunEnqueuedAsync();
        await gate.Held.Task.WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(BackfillOutcomeKind.Ok, (await process.Service.PauseAsync(Guild, default)).Kind);
        await running.WaitAsync(Eventually.DefaultTimeout);
        Assert.Equal(BackfillState.Paused, (await process.Service.GetStatusAsync(Guild, default))!.State);
        Assert.Equal(BackfillOutcomeKind.Ok, (await process.Service.ResumeAsync(Guild, default)).Kind);
        await process.Runner.RunAsync(process.Scheduler.Enqueued[^1], default);

        var status = await process.Service.GetStatusAsync(Guild, default);
        Assert.Equal(BackfillState.Completed, status!.State);
        Assert.Equal(300, status.Messages);
        Assert.Equal(300, await CountedMessagesAsync(_history.Store, 101));
        Assert.Single(_history.Emulator.RestRequests, r => r.Path == "/channels/101/messages" && r.Query == "?limit=100");
    }

    [Fact]
    public async Task Run_ExactReactorsSetting_CountsEveryReactorAsAMember()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        var reactors = Enumerable.Range(0, 130).Select(i => $"{4000 + i}").ToArray();
        _history.Emulator.History.AddMessage("101", IdAt(DaysAgo(1)), "201", "alice", reactions: [("🔥", reactors)]);
        await using var process = await BackfillProcess.StartAsync(_history.Store, BackfillProcess.RestSource(_history.Emulator), _time, new BackfillOptions { ExactReactors = true });
        await process.IngestAsync(GuildCreated());

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        Assert.Equal(130, await CountedReactionsAsync(_history.Store, 101));
        await using var db = _history.Store.NewContext();
        Assert.Equal(130, db.MemberDailyRollups.Count(r => r.GuildId == (long)Guild && r.ReactionsAdded == 1));
        Assert.Equal(2, _history.Emulator.RestRequests.Count(r => r.Path.Contains("/reactions/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_LiveSource_TakesTheInvitesSnapshotToo()
    {
        _history.Emulator.History.AddChannel("101", "general", 0);
        _history.Emulator.AddInvite("tutorial", "201", "101", uses: 4);
        _history.Emulator.SetVanityUrl("candlestick", uses: 9);
        await using var process = await BackfillProcess.StartAsync(
            _history.Store, BackfillProcess.RestSource(_history.Emulator), _time, invitesRest: BackfillProcess.RestClient(_history.Emulator));
        await process.IngestAsync(GuildCreated());

        await process.Service.StartAsync(Guild, 7, null, default);
        await process.RunEnqueuedAsync();

        var invites = await Eventually.ReturnsAsync(
            async () =>
            {
                await process.Pipeline.FlushAsync(default);
                await using var db = _history.Store.NewContext();
                return db.Invites.Where(i => i.GuildId == (long)Guild).OrderBy(i => i.Code).Select(i => new { i.Code, i.Uses, i.IsVanity, i.InviterId }).ToList();
            },
            found => found.Count == 2);
        Assert.Equal([("candlestick", 9, true, (long?)null), ("tutorial", 4, false, 201L)], invites.Select(i => (i.Code, i.Uses, i.IsVanity, i.InviterId)));
        await using var check = _history.Store.NewContext();
        Assert.Equal(Core.Storage.InvitesStatuses.Ok, check.Guilds.Single(g => g.GuildId == (long)Guild).InvitesStatus);
    }
}
