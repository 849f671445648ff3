using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// The demo community talks in voice: evening gatherings of a few regulars in its voice channels, some alone, some
/// muted for a while, every session closed within its day, so a tokenless demo fills the Voice card.
/// </summary>
public sealed class DemoVoiceTests
{
    private static readonly long To = DemoHistoryFixture.To;
    private static readonly long From = To - (4 * DemoRhythm.DayMs);

    [Fact]
    public void History_VoiceSessions_EveningGatheringsInVoiceChannelsEachClosedTheSameDay()
    {
        var community = DemoCommunity.Create(42);
        var voice = community.Activity(From, To).Where(e => e.Type == IngestEventType.VoiceState).ToList();
        var voiceChannels = community.Channels.Where(c => c.Kind == DemoChannelKind.Voice).Select(c => c.Id).ToHashSet();

        var sessions = Sessions(voice);

        Assert.All(voice.Where(e => e.ChannelId is not null), e => Assert.Contains(e.ChannelId!.Value, voiceChannels));
        Assert.InRange(sessions.Count / 4, 8, 40);
        Assert.All(sessions, s => Assert.Equal(s.Join / DemoRhythm.DayMs, s.Leave / DemoRhythm.DayMs));
        Assert.Contains(voice, e => e.Muted == true);
        Assert.True(sessions.Select(s => s.Member).Distinct().Count() >= 5, "a few regulars, not one");
    }

    [Fact]
    public async Task History_ThroughTheWriter_VoiceMinutesAreTheSessionsLengths()
    {
        var community = DemoCommunity.Create(42);
        var events = community.History(From, To).ToList();
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite, GuildMode.Demo);
        await store.WriteInBatchesAsync(events, batchSize: 2_000);
        var window = new AnalyticsWindow(WindowKind.Custom, DayBucket.FromUnixMs(From), DayBucket.FromUnixMs(To));

        var summary = await new VoiceQuery(store, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(To)))
            .RunAsync(new AnalyticsQuery(community.GuildId, window, AnalyticsQuery.DefaultTop, IncludeBots: false), [], CancellationToken.None);

        var expectedMs = Sessions(events.Where(e => e.Type == IngestEventType.VoiceState).ToList()).Sum(s => s.Leave - s.Join);
        Assert.Equal(expectedMs / DemoRhythm.MinuteMs, summary.Minutes);
        Assert.True(summary.TalkMinutes > 0 && summary.AloneMinutes + summary.MutedMinutes > 0);
        Assert.NotEmpty(summary.TopChannels);
    }

    /// <summary>Each member's stays in voice: from the state that put them in a channel to the one that took them out.</summary>
    private static List<(ulong Member, long Join, long Leave)> Sessions(IReadOnlyList<IngestEvent> voice)
    {
        var open = new Dictionary<ulong, long>();
        var sessions = new List<(ulong, long, long)>();
        foreach (var e in voice.OrderBy(e => e.EventAt))
        {
            var member = e.UserId!.Value;
            if (e.ChannelId is null && open.Remove(member, out var joinedAt))
            {
                sessions.Add((member, joinedAt, e.EventAt));
            }
            else if (e.ChannelId is not null)
            {
                open.TryAdd(member, e.EventAt);
            }
        }

        Assert.Empty(open);
        return sessions;
    }
}
