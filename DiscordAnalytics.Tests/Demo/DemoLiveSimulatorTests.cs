using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Demo;

public sealed class DemoLiveSimulatorTests
{
    private static readonly long Start = DemoHistoryFixture.To + 10 * DemoRhythm.HourMs + 123;

    [Fact]
    public void Advance_OneMinuteAtThreePerSecond_AboutOneHundredEightyEvents()
    {
        var simulator = new DemoLiveSimulator(DemoCommunity.Create(42), Start);

        var events = Run(simulator, Start, seconds: 60, stepMs: 250, rate: 3);

        Assert.InRange(events.Count, 180, 200);
    }

    [Fact]
    public void Advance_CoarseSteps_SameRateAsFineSteps()
    {
        var simulator = new DemoLiveSimulator(DemoCommunity.Create(42), Start);

        var events = Run(simulator, Start, seconds: 60, stepMs: 6_000, rate: 3);

        Assert.InRange(events.Count, 180, 200);
    }

    [Fact]
    public void Advance_LongStall_DropsTheBacklogInsteadOfBursting()
    {
        var simulator = new DemoLiveSimulator(DemoCommunity.Create(42), Start);

        var events = simulator.Advance(Start + 6 * DemoRhythm.HourMs, 3);

        Assert.True(events.Count < 10);
    }

    [Fact]
    public void Advance_TenMinutes_ValidEventsInTimeOrderWithMessageSnowflakesOfNow()
    {
        var simulator = new DemoLiveSimulator(DemoCommunity.Create(42), Start);

        var events = Run(simulator, Start, seconds: 600, stepMs: 250, rate: 3);
        var messages = events.Where(e => e.Type == IngestEventType.MessageCreate).ToList();

        Assert.All(events, e => Assert.Null(e.Validate()));
        Assert.All(events, e => Assert.InRange(e.EventAt, Start + 1, Start + 600_000));
        Assert.All(messages, m => Assert.Equal(m.EventAt, Snowflake.ToUnixMs(m.MessageId!.Value)));
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i - 1].EventAt <= events[i].EventAt);
        }
    }

    [Fact]
    public void Advance_TenMinutes_MovesLikeACommunity()
    {
        var community = DemoCommunity.Create(42);
        var simulator = new DemoLiveSimulator(community, Start);
        var history = community.Activity(Start - 2 * DemoRhythm.DayMs, Start)
            .Where(e => e.Type == IngestEventType.MessageCreate).Select(e => e.MessageId!.Value).ToHashSet();

        var events = Run(simulator, Start, seconds: 600, stepMs: 1000, rate: 3);
        var types = events.Select(e => e.Type).ToHashSet();

        Assert.True(events.Count(e => e.Type == IngestEventType.MessageCreate) > events.Count / 3);
        Assert.Contains(IngestEventType.ReactionAdd, types);
        Assert.Contains(IngestEventType.ThreadCreate, types);
        Assert.Contains(IngestEventType.MemberAdd, types);
        // Reactions keep landing on the top messages of the history, too.
        Assert.Contains(events, e => e.Type == IngestEventType.ReactionAdd && history.Contains(e.MessageId!.Value));
    }

    [Fact]
    public void Advance_ThirtyMinutes_RegularsTalkInVoiceOneRoomAtATime()
    {
        var community = DemoCommunity.Create(42);
        var rooms = community.VoiceChannels.Select(c => c.Id).ToHashSet();
        var regulars = community.VoiceRegulars.Select(m => m.Id).ToHashSet();

        var voice = Run(new DemoLiveSimulator(community, Start), Start, seconds: 1800, stepMs: 1000, rate: 3)
            .Where(e => e.Type == IngestEventType.VoiceState).ToList();

        var open = new Dictionary<ulong, ulong>();
        foreach (var state in voice)
        {
            Assert.Contains(state.UserId!.Value, regulars);
            if (state.ChannelId is { } room)
            {
                Assert.Contains(room, rooms);
                // A mute toggle stays in the room; a join happens only outside every room.
                Assert.True(!open.TryGetValue(state.UserId!.Value, out var current) || current == room, "moved without leaving");
                open[state.UserId!.Value] = room;
            }
            else
            {
                Assert.True(open.Remove(state.UserId!.Value), "left a room never joined");
            }
        }

        Assert.Contains(voice, e => e.ChannelId is null);
        Assert.Contains(voice, e => e is { Muted: true, ChannelId: not null });
        Assert.True(voice.Count(e => e.ChannelId is not null) > voice.Count(e => e.ChannelId is null), "no one ever stayed");
    }

    [Fact]
    public void Advance_MessageIds_NeverCollideWithHistoryOfTheSameTime()
    {
        var community = DemoCommunity.Create(42);
        var simulator = new DemoLiveSimulator(community, Start);

        var live = Run(simulator, Start, seconds: 600, stepMs: 250, rate: 20)
            .Where(e => e.Type == IngestEventType.MessageCreate).Select(e => e.MessageId!.Value).ToList();
        var history = community.Activity(Start, Start + 600_000)
            .Where(e => e.Type == IngestEventType.MessageCreate).Select(e => e.MessageId!.Value).ToHashSet();

        Assert.NotEmpty(history);
        Assert.DoesNotContain(live, history.Contains);
    }

    [Fact]
    public async Task RunAsync_FakeClockAdvancedOneMinute_WritesAtTheConfiguredRateAndStopsOnCancellation()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Start));
        var sink = new RecordingIngestionSink();
        var simulator = new DemoLiveSimulator(DemoCommunity.Create(42), Start);
        using var cancellation = new CancellationTokenSource();

        var running = simulator.RunAsync(sink, 3, time, cancellation.Token);
        for (var second = 1; second <= 60; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(await sink.WaitForCountAsync(3 * second, TimeSpan.FromSeconds(5)), $"no events after {second}s");
        }

        await cancellation.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.InRange(sink.Count, 180, 200);
        Assert.True(running.IsCompletedSuccessfully);
    }

    private static List<IngestEvent> Run(DemoLiveSimulator simulator, long start, int seconds, int stepMs, double rate)
    {
        var events = new List<IngestEvent>();
        for (var at = start + stepMs; at <= start + seconds * 1000L; at += stepMs)
        {
            events.AddRange(simulator.Advance(at, rate));
        }

        return events;
    }
}
