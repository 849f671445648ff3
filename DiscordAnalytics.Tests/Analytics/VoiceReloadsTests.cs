using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage.MemberDays;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The Voice card kept across reloads, as the app's singletons are: one <see cref="VoiceQuery"/> over a voice day index the
/// writer tells its commits (with the member days', whose version it shares) equals a fresh query over the same store after
/// every batch of a random stream (voice joins, moves, mutes, leaves across midnight, checkpoints, late messages, forgets),
/// for windows whose previous window is cut at the clock's time of day, with every member's minutes asked; the index reads
/// no day again while the writer tells it, and exactly the changed day when another writer wrote.
/// </summary>
public abstract class VoiceReloadsTests(StoreProvider provider)
{
    private const ulong G = 9_400;
    private const ulong Text = 9_401;
    private static readonly ulong[] Rooms = [9_431, 9_432, 9_433];
    private static readonly ulong[] Users = [.. Enumerable.Range(0, 12).Select(i => 9_450UL + (ulong)i)];
    private static readonly long[] UserIds = [.. Users.Select(u => (long)u)];
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
    private static readonly long TodayAt = DayBucket.StartMs(Today);

    private static readonly AnalyticsWindow[] Windows =
        [AnalyticsWindow.Last(7, Today), AnalyticsWindow.Last(30, Today), new(WindowKind.Custom, Today - 20, Today - 13), new(WindowKind.Custom, Today - 25, Today - 24)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        var random = new Random(seed);
        // Voice arrives in time order (its time is the receive time): 60 days up to this morning, then the live part.
        var history = Stream(random, TodayAt - (60 * DayBucket.MillisecondsPerDay), Now.ToUnixTimeMilliseconds() - 3_600_000);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var voiceDays = new VoiceDayIndex(store, NullLogger<VoiceDayIndex>.Instance);
        var time = new FakeTimeProvider(Now);
        await using var writer = new IngestionBatchWriter(
            store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: new MemberDayListeners(TestMemberDays.Over(store), voiceDays));
        var kept = new VoiceQuery(store, voiceDays, time, new RoleHolders(store));
        var half = history.Count * 3 / 4;
        await writer.WriteAsync([Guild(G, "voice", TodayAt - (61 * DayBucket.MillisecondsPerDay)), .. Rooms.Select(r => Channel(G, r, $"room-{r}", TodayAt - (61 * DayBucket.MillisecondsPerDay), ChannelTypes.Voice))], CancellationToken.None);
        foreach (var batch in history.Take(half).Chunk(200))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept, time);
        var read = voiceDays.DaysRead;
        var batches = history.Skip(half).Chunk(random.Next(5, 15)).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var at = batches[i][^1].EventAt;
            // Late messages step older days with no voice in the commit; two members are forgotten on the way.
            IngestEvent[] late = [Message(G, Text, Users[i % Users.Length], at - ((1 + (i % 20)) * DayBucket.MillisecondsPerDay), 90_000UL + (ulong)i)];
            IngestEvent[] forget = i == batches.Count / 3 || i == batches.Count * 2 / 3 ? [Forget(G, Users[i % Users.Length], at)] : [];
            await writer.WriteAsync([.. batches[i], .. late, .. forget], CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(7));
            await AssertEqualToFreshAsync(store, kept, time);
        }

        Assert.Equal(read, voiceDays.DaysRead);

        // Another writer (nothing tells the index): exactly the day it changed is read again.
        var voice = (await kept.RunAsync(Query(Windows[0]), UserIds, CancellationToken.None)).Minutes;
        // After the stream's last states (everyone out an hour before noon).
        var (from, end) = (Now.ToUnixTimeMilliseconds() - 1_800_000, Now.ToUnixTimeMilliseconds() + 1_800_000);
        await store.WriteAsync(Voice(G, Users[0], Rooms[0], from), Voice(G, Users[1], Rooms[0], from), Voice(G, Users[0], null, end), Voice(G, Users[1], null, end));
        await AssertEqualToFreshAsync(store, kept, time);
        Assert.Equal(read + 1, voiceDays.DaysRead);
        Assert.True((await kept.RunAsync(Query(Windows[0]), UserIds, CancellationToken.None)).Minutes >= voice + 60);

        // Not a trivial answer: talk, muted and alone time, several channels, previous minutes.
        var week = await kept.RunAsync(Query(Windows[1]), UserIds, CancellationToken.None);
        Assert.True(week is { TalkMinutes: > 0, MutedMinutes: > 0, AloneMinutes: > 0, PreviousMinutes: > 0 });
        Assert.True(week.TopChannels.Count > 1);
    }

    [Fact]
    public async Task Run_AForgetAndAMoveAcrossMidnight_FollowedWithoutReadingAgain()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var voiceDays = new VoiceDayIndex(store, NullLogger<VoiceDayIndex>.Instance);
        var time = new FakeTimeProvider(Now);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: new MemberDayListeners(voiceDays));
        var kept = new VoiceQuery(store, voiceDays, time, new RoleHolders(store));
        var (ada, bo) = (Users[0], Users[1]);
        var (yesterday, room, lobby) = (TodayAt - DayBucket.MillisecondsPerDay, Rooms[0], Rooms[1]);
        await writer.WriteAsync([Guild(G, "voice", yesterday - DayBucket.MillisecondsPerDay), Channel(G, room, "room", yesterday, ChannelTypes.Voice), Channel(G, lobby, "lobby", yesterday, ChannelTypes.Voice), Channel(G, Text, "general", yesterday)], CancellationToken.None);
        var query = Query(AnalyticsWindow.Last(7, Today));
        Assert.Equal(0, (await kept.RunAsync(query, [(long)ada, (long)bo], CancellationToken.None)).Minutes);
        var read = voiceDays.DaysRead;

        async Task<VoiceSummary> AfterAsync(params IngestEvent[] events)
        {
            await writer.WriteAsync(events, CancellationToken.None);
            var fresh = await new VoiceQuery(store, time).RunAsync(query, [(long)ada, (long)bo], CancellationToken.None);
            var answer = await kept.RunAsync(query, [(long)ada, (long)bo], CancellationToken.None);
            Assert.Equal(Json(fresh), Json(answer));
            return answer;
        }

        // 23:00 yesterday both join the room (talking), 00:30 ada moves to the lobby (alone), 01:00 bo mutes, 02:00 both leave.
        await AfterAsync(Voice(G, ada, room, yesterday + (23 * 3_600_000L)), Voice(G, bo, room, yesterday + (23 * 3_600_000L)));
        var night = await AfterAsync(Voice(G, ada, lobby, TodayAt + 1_800_000));
        Assert.Equal((180L, 180L, 0L, 0L), (night.Minutes, night.TalkMinutes, night.MutedMinutes, night.AloneMinutes));
        await AfterAsync(Voice(G, bo, room, TodayAt + 3_600_000, muted: true));
        var after = await AfterAsync(Voice(G, ada, null, TodayAt + (2 * 3_600_000L)), Voice(G, bo, null, TodayAt + (2 * 3_600_000L)));
        Assert.Equal((360L, 180L, 60L, 120L), (after.Minutes, after.TalkMinutes, after.MutedMinutes, after.AloneMinutes));
        Assert.Equal(new Dictionary<long, long> { [(long)ada] = 180, [(long)bo] = 180 }, after.MemberMinutes);
        Assert.Equal([("room", 270L), ("lobby", 90L)], after.TopChannels.Select(c => (c.Name, c.Minutes)));

        // A message steps the day without voice; a forget takes ada's rows of both days.
        await AfterAsync(Message(G, Text, bo, TodayAt + (3 * 3_600_000L), 1));
        var forgotten = await AfterAsync(Forget(G, ada, TodayAt + (4 * 3_600_000L)));
        Assert.Equal((180L, 90L, 60L, 30L), (forgotten.Minutes, forgotten.TalkMinutes, forgotten.MutedMinutes, forgotten.AloneMinutes));
        Assert.Equal(read, voiceDays.DaysRead);
    }

    /// <summary>Voice states of random members in time order from <paramref name="from"/> to <paramref name="until"/>, a checkpoint now and then, everyone out at the end.</summary>
    private static List<IngestEvent> Stream(Random random, long from, long until)
    {
        var events = new List<IngestEvent>();
        var n = 0UL;
        for (var at = from; at < until; at += random.Next(1, 240) * 60_000L)
        {
            var user = Users[random.Next(Users.Length)];
            var kind = random.Next(10);
            events.Add(kind switch
            {
                < 2 => Voice(G, user, null, at),
                < 8 => Voice(G, user, Rooms[random.Next(Rooms.Length)], at, muted: random.Next(4) == 0),
                8 => VoiceCheckpoint(G, at),
                _ => Message(G, Text, user, at, ++n),
            });
        }

        events.AddRange(Users.Select(u => Voice(G, u, null, until)));
        return events;
    }

    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, VoiceQuery kept, TimeProvider time)
    {
        var fresh = new VoiceQuery(store, time);
        foreach (var window in Windows)
        {
            Assert.Equal(Json(await fresh.RunAsync(Query(window), UserIds, CancellationToken.None)),
                Json(await kept.RunAsync(Query(window), UserIds, CancellationToken.None)));
        }
    }

    private static AnalyticsQuery Query(AnalyticsWindow window) => new(G, window, AnalyticsQuery.MaxTop, IncludeBots: false);

    /// <summary>Every field, lists and maps included (the summary's records compare lists by reference).</summary>
    private static string Json(VoiceSummary summary) =>
        JsonSerializer.Serialize(summary with { MemberMinutes = new SortedDictionary<long, long>(summary.MemberMinutes.ToDictionary()) });

    public sealed class OnSqlite() : VoiceReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : VoiceReloadsTests(StoreProvider.Postgres);
}
