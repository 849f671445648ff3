using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Discord;

public sealed class GatewaySessionTests
{
    [Fact]
    public async Task RunAsync_TokenConfigured_IdentifiesOnV10JsonWithAllIntents()
    {
        await using var harness = await GatewayHarness.StartAsync();

        await harness.Emulator.WaitForIdentifyAsync();
        await harness.ConnectedAsync();

        var identify = Assert.Single(harness.Emulator.FramesWithOp(2)).Data;
        Assert.Equal(34499, identify.GetProperty("intents").GetInt32());
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal("?v=10&encoding=json", harness.Emulator.Connections[0].Query);
        var gatewayBot = Assert.Single(harness.Emulator.RestRequests, r => r.Path == "/gateway/bot");
        Assert.Equal($"Bot {GatewayHarness.Token}", gatewayBot.Authorization);
        Assert.StartsWith("DiscordBot (", gatewayBot.UserAgent);
        Assert.Equal(harness.Emulator.SessionId, harness.Session.SessionId);
    }

    [Fact]
    public async Task RunAsync_PrivilegedIntentsOff_IdentifiesWithoutThem()
    {
        await using var harness = await GatewayHarness.StartAsync(configureOptions: o => o.PrivilegedIntents = string.Empty);

        await harness.Emulator.WaitForIdentifyAsync();

        Assert.Equal(1729, Assert.Single(harness.Emulator.FramesWithOp(2)).Data.GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task RunAsync_GatewayBotUnavailable_FallsBackToConfiguredUrl()
    {
        await using var harness = await GatewayHarness.StartAsync(e => e.GatewayBotAvailable = false);

        await harness.Emulator.WaitForIdentifyAsync();

        Assert.Contains(harness.Emulator.RestRequests, r => r.Path == "/gateway/bot" && r.Status == 503);
    }

    [Fact]
    public async Task Heartbeat_AfterHello_FirstBeatJitteredWithinIntervalThenEveryInterval()
    {
        const int interval = 300;
        await using var harness = await GatewayHarness.StartAsync(e => e.HeartbeatIntervalMs = interval, random: 0.5);

        await harness.Emulator.WaitForFramesAsync(op: 1, count: 3);

        var hello = harness.Emulator.Connections[0].HelloSentAt!.Value;
        var beats = harness.Emulator.FramesWithOp(1).Select(f => f.At).ToList();
        var first = (beats[0] - hello).TotalMilliseconds;
        // Never early (the lower bounds are the protocol); lateness only has a loose bound, because a
        // loaded machine (CI, parallel builds) can delay any timer by a second.
        Assert.InRange(first, (interval * 0.5) - 30, interval + 1_500);
        Assert.InRange((beats[1] - beats[0]).TotalMilliseconds, interval - 30, (interval * 2) + 1_500);
        Assert.InRange((beats[2] - beats[1]).TotalMilliseconds, interval - 30, (interval * 2) + 1_500);
        Assert.Equal(1, harness.Emulator.FramesWithOp(1)[^1].Data.GetInt32());
    }

    [Fact]
    public async Task Heartbeat_ServerRequestsOne_AnsweredAtOnceWithLastSequence()
    {
        // Interval 45 s and jitter 0.99: no regular beat can come before the test ends.
        await using var harness = await GatewayHarness.StartAsync(random: 0.99);
        await harness.Emulator.WaitForIdentifyAsync();
        await harness.Emulator.DispatchFixtureAsync("20_message_create_default.json");
        await harness.SinkHasAsync(e => e.Any(x => x.Type == IngestEventType.MessageCreate), "the message arrived");

        await harness.Emulator.RequestHeartbeatAsync();

        await harness.Emulator.WaitForFramesAsync(op: 1, count: 1);
        Assert.Equal(2, Assert.Single(harness.Emulator.FramesWithOp(1)).Data.GetInt32());
    }

    [Fact]
    public async Task DroppedSocket_MissedDispatches_ResumesWithLastSeqAndReceivesReplayOnce()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var emulator = harness.Emulator;
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("MESSAGE_CREATE", Message(1_350_000_000_000_000_001));
        await emulator.DispatchAsync("MESSAGE_CREATE", Message(1_350_000_000_000_000_002));
        await harness.SinkHasAsync(e => e.Count(x => x.Type == IngestEventType.MessageCreate) == 2, "two messages arrived");
        emulator.HoldResumes();

        await emulator.DropConnectionAsync();
        await emulator.DispatchAsync("MESSAGE_CREATE", Message(1_350_000_000_000_000_003));
        await emulator.DispatchAsync("MESSAGE_CREATE", Message(1_350_000_000_000_000_004));
        emulator.ReleaseResumes();
        await emulator.WaitForResumeAsync();
        await harness.SinkHasAsync(e => e.Count(x => x.Type == IngestEventType.MessageCreate) >= 4, "the replay arrived");
        await emulator.DispatchAsync("MESSAGE_CREATE", Message(1_350_000_000_000_000_005));
        await harness.SinkHasAsync(e => e.Count(x => x.Type == IngestEventType.MessageCreate) >= 5, "the live message after RESUMED arrived");

        var resume = Assert.Single(emulator.FramesWithOp(6)).Data;
        Assert.Equal(3, resume.GetProperty("seq").GetInt32());
        Assert.Equal(emulator.SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(2, emulator.LastReplayCount);
        Assert.Equal(1, emulator.IdentifyCount);
        var ids = harness.Sink.OfType(IngestEventType.MessageCreate).Select(e => e.MessageId!.Value).ToList();
        Assert.Equal([1_350_000_000_000_000_001, 1_350_000_000_000_000_002, 1_350_000_000_000_000_003, 1_350_000_000_000_000_004, 1_350_000_000_000_000_005], ids);
        Assert.Equal(SourceState.Connected, harness.Status.State);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnNewConnectionWithoutIdentify()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.SendReconnectAsync();

        await harness.Emulator.WaitForResumeAsync();
        Assert.Equal(1, harness.Emulator.IdentifyCount);
        Assert.Equal(2, harness.Emulator.ConnectionCount);
        Assert.NotEqual(1000, harness.Emulator.Connections[0].ClientCloseStatus);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.SendInvalidSessionAsync(resumable: true);

        await harness.Emulator.WaitForResumeAsync();
        Assert.Equal(1, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsThenIdentifiesAfresh()
    {
        await using var harness = await GatewayHarness.StartAsync(configureSession: o =>
        {
            o.InvalidSessionMinDelay = TimeSpan.FromMilliseconds(150);
            o.InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(200);
        });
        await harness.Emulator.WaitForIdentifyAsync();
        var firstSession = harness.Emulator.SessionId;
        var sentAt = DateTimeOffset.UtcNow;

        await harness.Emulator.SendInvalidSessionAsync(resumable: false);

        await harness.Emulator.WaitForIdentifyAsync(count: 2);
        var identifies = harness.Emulator.FramesWithOp(2);
        Assert.True((identifies[1].At - sentAt).TotalMilliseconds >= 140, "waited before re-identifying");
        Assert.Empty(harness.Emulator.FramesWithOp(6));
        Assert.NotEqual(firstSession, harness.Emulator.SessionId);
    }

    [Fact]
    public async Task Heartbeat_ServerStopsAcking_ClosesZombieWithNon1000AndResumes()
    {
        await using var harness = await GatewayHarness.StartAsync(e => e.HeartbeatIntervalMs = 100);
        await harness.Emulator.WaitForIdentifyAsync();
        await harness.Emulator.WaitForFramesAsync(op: 1, count: 1);

        harness.Emulator.AckHeartbeats = false;
        await harness.Emulator.WaitForAsync(e => e.ConnectionCount >= 2, "the client reconnected");
        harness.Emulator.AckHeartbeats = true;

        await harness.Emulator.WaitForResumeAsync();
        Assert.Equal(1, harness.Emulator.IdentifyCount);
        var zombie = harness.Emulator.Connections[0];
        await Eventually.TrueAsync(() => zombie.ClientCloseStatus is not null, "the zombie close frame arrived");
        Assert.NotEqual(1000, zombie.ClientCloseStatus);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("zombie", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Close4004_AuthenticationFailed_StopsDownWithReasonAndNoReconnect()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.CloseAsync(4004, "Authentication failed.");

        await harness.Run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SourceState.Down, harness.Status.State);
        Assert.Contains("4004", harness.Status.Reason);
        Assert.Contains("token", harness.Status.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Fact]
    public async Task Close4014_MessageContentNotEnabled_RunsOnWithoutItAndNamesIt()
    {
        // Flags grant GATEWAY_GUILD_MEMBERS_LIMITED only: Message Content is the missing one.
        await using var harness = await GatewayHarness.StartAsync(e => e.ApplicationFlags = ApplicationFlags.GatewayGuildMembersLimited);
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.CloseAsync(4014, "Disallowed intent(s).");

        await harness.Emulator.WaitForIdentifyAsync(count: 2);
        var intents = harness.Emulator.FramesWithOp(2).Select(f => f.Data.GetProperty("intents").GetInt32()).ToList();
        Assert.Equal(34499, intents[0]);
        Assert.Equal(34499 & ~32768, intents[1]);
        await Eventually.TrueAsync(() => harness.Status.State == SourceState.Connected, "the session is connected again");
        Assert.Contains("Message Content Intent", harness.Status.Reason);
        Assert.DoesNotContain("Server Members Intent", harness.Status.Reason);
        Assert.Contains("Developer Portal", harness.Status.Reason);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("Message Content Intent", StringComparison.Ordinal) && line.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close4014_WithoutPrivilegedIntentsLeft_StopsDown()
    {
        await using var harness = await GatewayHarness.StartAsync(configureOptions: o => o.PrivilegedIntents = "");
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.CloseAsync(4014, "Disallowed intent(s).");

        await harness.Run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SourceState.Down, harness.Status.State);
        Assert.Contains("4014", harness.Status.Reason);
        Assert.Equal(1, harness.Emulator.ConnectionCount);
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4008, true)]
    [InlineData(4007, false)]
    [InlineData(4009, false)]
    public async Task Close_NonFatalCode_ResumesOrReidentifiesAsDocumented(int code, bool resumes)
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.CloseAsync(code);

        if (resumes)
        {
            await harness.Emulator.WaitForResumeAsync();
            Assert.Equal(1, harness.Emulator.IdentifyCount);
        }
        else
        {
            await harness.Emulator.WaitForIdentifyAsync(count: 2);
            Assert.Empty(harness.Emulator.FramesWithOp(6));
        }
    }

    [Fact]
    public async Task Dispatch_SplitOverSeveralWebSocketFrames_IsAssembled()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();

        await harness.Emulator.DispatchFixtureAsync("12_guild_create.json", splitInto: 7);

        await harness.SinkHasAsync(e => e.Any(x => x.Type == IngestEventType.GuildUpsert && x.Name == "Pulse Test Server"), "the split GUILD_CREATE was assembled");
    }

    [Fact]
    public async Task MalformedFrame_MidStream_IsSkippedAndSessionContinues()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();
        await harness.Emulator.DispatchFixtureAsync("20_message_create_default.json");

        await harness.Emulator.SendMalformedAsync();
        await harness.Emulator.DispatchFixtureAsync("21_message_create_reply.json");

        await harness.SinkHasAsync(e => e.Count(x => x.Type == IngestEventType.MessageCreate) == 2, "both valid messages arrived");
        Assert.Equal(1, harness.Emulator.ConnectionCount);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("Gateway frame skipped", StringComparison.Ordinal));
        Assert.Equal(SourceState.Connected, harness.Status.State);
    }

    [Fact]
    public async Task Sink_Slow_DispatchesWaitAndArriveInOrder()
    {
        await using var harness = await GatewayHarness.StartAsync();
        await harness.Emulator.WaitForIdentifyAsync();
        harness.Sink.Close();

        for (ulong i = 1; i <= 20; i++)
        {
            await harness.Emulator.DispatchAsync("MESSAGE_CREATE", Message(1_350_000_000_000_000_000 + i));
        }

        Assert.Empty(harness.Sink.OfType(IngestEventType.MessageCreate));
        harness.Sink.Open();
        await harness.SinkHasAsync(e => e.Count(x => x.Type == IngestEventType.MessageCreate) == 20, "all 20 messages arrived");
        var ids = harness.Sink.OfType(IngestEventType.MessageCreate).Select(e => e.MessageId!.Value - 1_350_000_000_000_000_000).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), ids);
    }

    [Fact]
    public async Task Logs_ThroughIdentifyResumeAndFatalClose_NeverContainTheToken()
    {
        await using var harness = await GatewayHarness.StartAsync(e => e.HeartbeatIntervalMs = 100);
        await harness.Emulator.WaitForIdentifyAsync();
        await harness.Emulator.DispatchFixtureAsync("20_message_create_default.json");
        await harness.Emulator.SendReconnectAsync();
        await harness.Emulator.WaitForResumeAsync();

        await harness.Emulator.CloseAsync(4004);
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains(GatewayHarness.Token, StringComparison.Ordinal) || l.Contains("SECRET-TOKEN", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("Deploy went out", StringComparison.Ordinal));
        Assert.DoesNotContain(GatewayHarness.Token, harness.Status.Reason);
    }

    [Fact]
    public async Task Reconnect_GatewayUnreachable_BacksOffExponentiallyInsteadOfHotLooping()
    {
        // base 20 ms, cap 200 ms, jitter factor 0.75: waits of 30, 60, 120, 150 ms between attempts.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var harness = await GatewayHarness.StartAsync(
            e => e.GatewayBotAvailable = false,
            o => o.GatewayUrl = "ws://127.0.0.1:1/gateway");

        await Eventually.TrueAsync(() => harness.Logs.Lines.Count(l => l.Contains("Gateway connect failed", StringComparison.Ordinal)) >= 5, "five failed connects");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(360), $"five attempts took only {clock.ElapsedMilliseconds} ms");
        Assert.Equal(SourceState.Resuming, harness.Status.State);
        Assert.Contains("Could not connect", harness.Status.Reason);
    }

    private static string Message(ulong id) =>
        JsonSerializer.Serialize(new
        {
            id = id.ToString(),
            channel_id = "849255963033600003",
            guild_id = "849255963033600000",
            type = 0,
            content = $"message {id}",
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(Core.Discord.Snowflake.ToUnixMs(id)).ToString("O"),
            author = new { id = "309029033213952000", username = "alice.w", global_name = "Alice" },
        });
}
