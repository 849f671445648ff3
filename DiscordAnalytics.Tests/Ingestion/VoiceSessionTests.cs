using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// Voice sessions through the real writer into a real store, with answers worked out by hand: moves split sessions,
/// muted and alone time kept apart from talking, the AFK channel and bots not counted, duplicates and late states
/// harmless, checkpoints, a crash closed at the last checkpoint and a quick restart resumed.
/// </summary>
public abstract class VoiceSessionTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 9_100;
    private const ulong Lounge = 911;
    private const ulong Stage = 912;
    private const ulong Afk = 913;
    private const ulong Alice = 921;
    private const ulong Bob = 922;
    private const ulong Carol = 923;
    private const ulong MusicBot = 929;
    private static readonly DateOnly Day = new(2026, 11, 20);
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await _store.WriteAsync(
            AfkChannel(G, "Voice", Afk, At(0, 0)),
            Channel(G, Lounge, "lounge", At(0, 0), ChannelTypes.Voice),
            Channel(G, Stage, "town-hall", At(0, 0), 13),
            Channel(G, Afk, "afk", At(0, 0), ChannelTypes.Voice));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Write_MovesMutesAloneAfkBotsAndDuplicates_CountsEachStretchOnceByKind()
    {
        await _store.WriteAsync(
            Voice(G, Alice, Lounge, At(18, 0)),
            Voice(G, MusicBot, Lounge, At(18, 0), bot: true),
            Voice(G, Bob, Lounge, At(18, 10)),
            Voice(G, Bob, Lounge, At(18, 20), muted: true),
            Voice(G, Alice, Stage, At(18, 30)),
            Voice(G, Alice, Afk, At(18, 40)));
        await _store.WriteAsync(
            Voice(G, Bob, Lounge, At(18, 20), muted: true),
            Voice(G, Alice, Lounge, At(18, 35)),
            Voice(G, Bob, null, At(18, 50)),
            Voice(G, MusicBot, null, At(19, 0), bot: true));

        var days = await VoiceDaysAsync();
        // Alice: alone 18:00-18:10 (the bot is no company), heard with Bob 18:10-18:30 (Bob muted from 18:20 still listens),
        // then alone on the stage 18:30-18:40, then AFK: nothing. The late 18:35 state is older than her 18:40 one.
        Assert.Equal((20, 0, 10), days[(Lounge, Alice)]);
        Assert.Equal((0, 0, 10), days[(Stage, Alice)]);
        // Bob: heard with Alice 18:10-18:20, muted 18:20-18:50 (the duplicate mute changed nothing).
        Assert.Equal((10, 30, 0), days[(Lounge, Bob)]);
        Assert.DoesNotContain(days.Keys, k => k.User == MusicBot || k.Channel == Afk);

        var voice = await VoiceAsync([(long)Alice, (long)Bob]);
        Assert.Equal(80, voice.Minutes);
        Assert.Equal((30, 30, 20), (voice.TalkMinutes, voice.MutedMinutes, voice.AloneMinutes));
        Assert.Equal([("lounge", 70L), ("town-hall", 10L)], voice.TopChannels.Select(c => (c.Name, c.Minutes)));
        Assert.Equal(80, voice.Hourly[18].Minutes);
        Assert.Equal(40, voice.MemberMinutes[(long)Alice]);
        Assert.Equal(40, voice.MemberMinutes[(long)Bob]);
    }

    [Fact]
    public async Task Write_MembersWhoOnlyTalk_AreActiveMembers()
    {
        await _store.WriteAsync(
            Voice(G, Alice, Lounge, At(18, 0)),
            Voice(G, Bob, Lounge, At(18, 5)),
            Voice(G, Carol, Lounge, At(18, 6), muted: true),
            Voice(G, Alice, null, At(18, 30)),
            Voice(G, Bob, null, At(18, 30)),
            Voice(G, Carol, null, At(18, 30)));

        var totals = await new TotalsQuery(_store, TestChannelDays.Over(_store), TestMemberDays.Over(_store), new FakeTimeProvider(Now), new RoleHolders(_store), new HoldersGrowth(_store, new RoleHolders(_store))).RunAsync(Query, CancellationToken.None);

        // Alice and Bob were heard with others; Carol only listened muted: present in voice, not active.
        Assert.Equal(2, totals.ActiveMembers);
    }

    [Fact]
    public async Task Write_CrashThenFullListWithoutTheMember_ClosesAtTheLastCheckpoint()
    {
        await _store.WriteAsync(Voice(G, Alice, Lounge, At(10, 0)), Voice(G, Bob, Lounge, At(10, 0)));
        for (var minute = 1; minute <= 5; minute++)
        {
            await _store.WriteAsync(VoiceCheckpoint(G, At(10, minute)));
        }

        // The app stops at 10:05:30 and starts again at 10:30: a new writer, then GUILD_CREATE lists only Alice.
        await _store.WriteInBatchesAsync([VoiceSync(G, At(10, 30)), Voice(G, Alice, Lounge, At(10, 30)), Voice(G, Alice, null, At(10, 40))], batchSize: 1);

        var days = await VoiceDaysAsync();
        // 25 minutes without a checkpoint: unknown, so not counted for either; Alice's new session is 10:30-10:40, alone.
        Assert.Equal((5, 0, 10), days[(Lounge, Alice)]);
        Assert.Equal((5, 0, 0), days[(Lounge, Bob)]);
        Assert.False(await _store.NewContext().VoiceSessions.AnyAsync(s => s.ChannelId != 0));
    }

    [Fact]
    public async Task Write_QuickRestartFindsTheMemberStillThere_ResumesWithoutCountingTwice()
    {
        await _store.WriteAsync(Voice(G, Alice, Lounge, At(10, 0)), Voice(G, Bob, Lounge, At(10, 0)), VoiceCheckpoint(G, At(10, 5)));

        // Back after two minutes: Alice is listed in the same channel (resumed across the gap), Bob is not (ended at 10:05).
        await _store.WriteInBatchesAsync(
            [VoiceSync(G, At(10, 7)), Voice(G, Alice, Lounge, At(10, 7)), VoiceCheckpoint(G, At(10, 8)), Voice(G, Alice, Lounge, At(10, 7)), Voice(G, Alice, null, At(10, 10))],
            batchSize: 2);

        var days = await VoiceDaysAsync();
        Assert.Equal((5, 0, 5), days[(Lounge, Alice)]);
        Assert.Equal((5, 0, 0), days[(Lounge, Bob)]);
    }

    [Fact]
    public async Task Write_ForgottenMember_TheirVoiceTimeGoes()
    {
        await _store.WriteAsync(
            Voice(G, Alice, Lounge, At(18, 0)),
            Voice(G, Bob, Lounge, At(18, 0)),
            Voice(G, Alice, null, At(18, 30)),
            Voice(G, Bob, null, At(18, 40)));

        await _store.WriteAsync(Forget(G, Alice, At(20, 0)), Voice(G, Alice, Lounge, At(20, 5)));

        var days = await VoiceDaysAsync();
        Assert.Equal([(Lounge, Bob)], days.Keys);
        var voice = await VoiceAsync([(long)Alice, (long)Bob]);
        Assert.Equal(40, voice.Minutes);
        Assert.Equal(0, voice.MemberMinutes[(long)Alice]);
        await using var db = _store.NewContext();
        Assert.False(await db.VoiceSessions.AnyAsync(s => s.UserId == (long)Alice));
        Assert.False(await db.MemberDailyRollups.AnyAsync(r => r.UserId == (long)Alice));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static AnalyticsQuery Query => new(G, AnalyticsWindow.Between(Day.AddDays(-1), Day.AddDays(1)), AnalyticsQuery.DefaultTop, IncludeBots: false);

    private Task<VoiceSummary> VoiceAsync(IReadOnlyCollection<long> members) =>
        new VoiceQuery(_store, new FakeTimeProvider(Now)).RunAsync(Query, members, CancellationToken.None);

    /// <summary>(talk, muted, alone) whole minutes per (channel, member) of the day, as stored.</summary>
    private async Task<Dictionary<(ulong Channel, ulong User), (long Talk, long Muted, long Alone)>> VoiceDaysAsync()
    {
        await using var db = _store.NewContext();
        var rows = await db.VoiceDays.Where(r => r.GuildId == (long)G).ToListAsync();
        return rows.ToDictionary(r => ((ulong)r.ChannelId, (ulong)r.UserId), r => (r.TalkMs / 60_000, r.MutedMs / 60_000, r.AloneMs / 60_000));
    }

    private static long At(int hour, int minute) => DayBucket.StartMs(DayBucket.FromDate(Day)) + ((hour * 60L) + minute) * 60_000;

    public sealed class OnSqlite() : VoiceSessionTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : VoiceSessionTests(StoreProvider.Postgres);
}
