using DiscordAnalytics.Core.Leaderboard;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>
/// Streaks and the leaderboard through the real writer into a real store: a hand-built fortnight with known answers
/// (UTC day edges, a day that is still running, late and duplicated events, voice, the guild's rules), privacy, and the
/// settings the rules come from.
/// </summary>
public abstract class LeaderboardQueryTests(StoreProvider provider)
{
    private const ulong G = 9_100, General = 9_101, Lounge = 9_102, Ada = 9_111, Bo = 9_112, Cy = 9_113, Dee = 9_114, Bot = 9_119;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    private static long At(int daysAgo, int hour = 10, int minute = 0) => DayBucket.StartMs(Today - daysAgo) + (hour * 3_600_000L) + (minute * 60_000L);

    [Fact]
    public async Task Run_HandBuiltFortnight_StreaksEndTodayOrYesterdayAndSurviveLateAndDuplicateEvents()
    {
        await using var store = await SeededAsync();
        await store.WriteAsync(
            // Ada: 6, 5, 4 days ago, then yesterday and today: longest 3, current 2. Day 5 arrives last (late).
            Message(G, General, Ada, At(6), 1), Message(G, General, Ada, At(4), 2),
            Message(G, General, Ada, At(1), 3), Message(G, General, Ada, At(0, 9), 4),
            Message(G, General, Ada, At(0, 9), 4),                       // a duplicate: nothing more
            // Bo: yesterday only, by a reaction; today not yet: the streak is still 1.
            Reaction(G, General, MessageId(At(1), 3), Bo, At(1, 11)),
            // Cy: the last millisecond of 3 days ago and the first of 2 days ago are two days; nothing since: current 0.
            Message(G, General, Cy, DayBucket.StartMs(Today - 2) - 1, 5), Message(G, General, Cy, DayBucket.StartMs(Today - 2), 6),
            // The bot posts every day: never on the board.
            Message(G, General, Bot, At(1), 7, bot: true), Message(G, General, Bot, At(0), 8, bot: true));
        await store.WriteAsync(Message(G, General, Ada, At(5), 9));

        var board = await RunAsync(store, LeaderboardRanking.Streak);

        Assert.Equal(
            [("Ada", 2, 3), ("Bo", 1, 1)],
            board.Entries.Select(e => (e.Name, e.CurrentStreak, e.LongestStreak)));
        var all = await RunAsync(store, LeaderboardRanking.Messages);
        Assert.Equal((0, 2), all.Entries.Where(e => e.Name == "Cy").Select(e => (e.CurrentStreak, e.LongestStreak)).Single());
        Assert.DoesNotContain(all.Entries, e => e.Name == "bot");
    }

    [Fact]
    public async Task Run_VoiceAndWeights_ScoresByTheGuildsRules()
    {
        await using var store = await SeededAsync();
        await store.WriteAsync(
            Message(G, General, Ada, At(1), 1), Message(G, General, Ada, At(1), 2),   // 2 messages
            Reaction(G, General, MessageId(At(1), 1), Bo, At(1, 11)),                 // 1 reaction
            Thread(G, General, 9_150, Cy, "a thread", At(1)),                          // 1 thread
            // Dee and Bo talk 30 minutes yesterday: voice minutes and a voice day each.
            Voice(G, Dee, Lounge, At(1, 20)), Voice(G, Bo, Lounge, At(1, 20)),
            Voice(G, Dee, null, At(1, 20, 30)), Voice(G, Bo, null, At(1, 20, 30)));

        var board = await RunAsync(store, LeaderboardRanking.Activity);

        // Defaults: messages 1, reactions 1, threads 3, a voice minute 0.1; Cy and Dee tie on score and messages, so by user id.
        Assert.Equal(
            [("Bo", 4.0, 30L, 1), ("Cy", 3.0, 0L, 0), ("Dee", 3.0, 30L, 1), ("Ada", 2.0, 0L, 1)],
            board.Entries.Select(e => (e.Name!, e.Score, e.VoiceMinutes, e.CurrentStreak)));
        Assert.Equal([1, 2, 3, 4], board.Entries.Select(e => e.Rank));

        var settings = new LeaderboardSettingsStore(store, new FakeTimeProvider(Now));
        Assert.True(await settings.SetRulesAsync((long)G, new LeaderboardRules(true, false, false, 10, 0, 0, 0), CancellationToken.None));
        var messagesOnly = await RunAsync(store, LeaderboardRanking.Activity);

        Assert.Equal(20.0, messagesOnly.Entries[0].Score);
        Assert.Equal("Ada", messagesOnly.Entries[0].Name);
        // Only messages make a streak day now: Bo (a reaction and voice) and Dee (voice) have none.
        Assert.Equal([("Ada", 1)], (await RunAsync(store, LeaderboardRanking.Streak)).Entries.Select(e => (e.Name!, e.CurrentStreak)));
        Assert.Equal(new LeaderboardRules(true, false, false, 10, 0, 0, 0), messagesOnly.Rules);
    }

    [Fact]
    public async Task Run_HiddenAndForgottenMembers_HiddenRankedUnnamedForgottenAbsent()
    {
        await using var store = await SeededAsync();
        await store.WriteAsync(
            Message(G, General, Ada, At(1), 1), Message(G, General, Ada, At(1), 2), Message(G, General, Ada, At(1), 3),
            Message(G, General, Bo, At(1), 4), Message(G, General, Bo, At(1), 5),
            Message(G, General, Cy, At(1), 6));
        await using (var db = store.NewContext())
        {
            db.MemberPrivacy.Add(new MemberPrivacy { GuildId = (long)G, UserId = (long)Ada, Choice = MemberPrivacyChoice.Hidden, SetAt = At(0) });
            await db.SaveChangesAsync();
        }

        await store.WriteAsync(Forget(G, Bo, At(0)));

        var board = await RunAsync(store, LeaderboardRanking.Messages);
        var shown = await new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now))
            .RunAsync(Query(), LeaderboardRanking.Messages, CancellationToken.None, leaveOutHidden: true);

        Assert.Equal([(1, (string?)null, (string?)null, true, 3L), (2, Cy.ToString(), "Cy", false, 1L)],
            board.Entries.Select(e => (e.Rank, e.UserId, e.Name, e.Hidden, e.Messages)));
        Assert.Equal([(1, "Cy")], shown.Entries.Select(e => (e.Rank, e.Name!)));
    }

    [Fact]
    public async Task Settings_PublicLink_NewTokenReplacesTheOldAndOffForgetsIt()
    {
        await using var store = await SeededAsync();
        var settings = new LeaderboardSettingsStore(store, new FakeTimeProvider(Now));
        Assert.False((await settings.PublicLinkAsync((long)G, CancellationToken.None)).Enabled);

        var first = await settings.NewPublicLinkAsync((long)G, CancellationToken.None);
        var second = await settings.NewPublicLinkAsync((long)G, CancellationToken.None);

        Assert.Equal(PublicLinkTokens.TokenLength, second!.Token!.Length);
        Assert.NotEqual(first!.Token, second.Token);
        Assert.Null(await settings.GuildOfPublicTokenAsync(first.Token, CancellationToken.None));
        Assert.Equal((long)G, await settings.GuildOfPublicTokenAsync(second.Token, CancellationToken.None));
        Assert.Equal(new PublicLeaderboardLink(true, Now.ToUnixTimeMilliseconds()), await settings.PublicLinkAsync((long)G, CancellationToken.None));
        await using (var db = store.NewContext())
        {
            // Only the hash is stored.
            Assert.DoesNotContain(db.Set<LeaderboardSettings>(), s => s.PublicLinkHash == second.Token);
        }

        Assert.True(await settings.DisablePublicLinkAsync((long)G, CancellationToken.None));
        Assert.Null(await settings.GuildOfPublicTokenAsync(second.Token, CancellationToken.None));
        Assert.Null(await settings.NewPublicLinkAsync(404, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => settings.SetRulesAsync((long)G, LeaderboardRules.Default with { ThreadWeight = -1 }, CancellationToken.None));
    }

    private async Task<TempSqliteStore> SeededAsync()
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(
            Guild(G, "board", At(30)), Channel(G, General, "general", At(30)), Channel(G, Lounge, "lounge", At(30), ChannelTypes.Voice),
            Member(G, Ada, "Ada", At(30)), Member(G, Bo, "Bo", At(30)), Member(G, Cy, "Cy", At(30)), Member(G, Dee, "Dee", At(30)),
            Member(G, Bot, "bot", At(30), bot: true));
        return store;
    }

    private static AnalyticsQuery Query() => new(G, AnalyticsWindow.Last(7, Today), AnalyticsQuery.MaxTop, IncludeBots: false);

    private static Task<LeaderboardResult> RunAsync(TempSqliteStore store, LeaderboardRanking by) =>
        new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now)).RunAsync(Query(), by, CancellationToken.None);

    public sealed class OnSqlite() : LeaderboardQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LeaderboardQueryTests(StoreProvider.Postgres);
}
