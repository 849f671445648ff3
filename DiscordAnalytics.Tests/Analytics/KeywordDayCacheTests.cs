using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The keyword days one <see cref="KeywordDayCache"/> holds between queries stay exact: every change the writer makes
/// (a late message on a closed day, an edit, a delete, a message older than the day's newest, a forget, hiding a
/// member) is in the next answer of the same cache, and a recent day that only gained newer messages reads just those.
/// Real writer, real store on both providers.
/// </summary>
public abstract class KeywordDayCacheTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 7_300;
    private const ulong General = 201;
    private const ulong Alice = 601;
    private const ulong Bob = 602;
    private static readonly long ThreeDaysAgo = NineOClock(daysAgo: 3);
    private static readonly long Yesterday = NineOClock(daysAgo: 1);
    private static readonly AnalyticsWindow Week = AnalyticsWindow.Last(7, Today);
    private TempSqliteStore _store = null!;
    private KeywordDayCache _cache = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        _cache = new KeywordDayCache(_store, new FakeTimeProvider(Now));
        await _store.WriteAsync(
            Guild(G, "Cache Guild", ThreeDaysAgo - (30 * 24 * Hour)),
            Channel(G, General, "general", ThreeDaysAgo - (30 * 24 * Hour)));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task LateMessageOnAStoredClosedDay_ChangesTheNextAnswer()
    {
        await _store.WriteAsync(Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "refund"));
        await FillAsync();
        Assert.Equal(Counts(("refund", 1)), await CountsAsync());

        await _store.WriteAsync(Message(G, General, Bob, ThreeDaysAgo - Hour, n: 2, excerpt: "refund invoice"));

        Assert.Equal(Counts(("invoice", 1), ("refund", 2)), await CountsAsync());
        await FillAsync();
        Assert.Equal(Counts(("invoice", 1), ("refund", 2)), await CountsAsync());
    }

    [Fact]
    public async Task NewerMessagesToday_AreAdded_EditsDeletesAndOlderOnesCountTheDayAgain()
    {
        var first = Message(G, General, Alice, NowMs - (3 * Hour), n: 1, excerpt: "portal login");
        await _store.WriteAsync(first);
        Assert.Equal(Counts(("login", 1), ("portal", 1)), await CountsAsync());

        await _store.WriteAsync(Message(G, General, Bob, NowMs - (2 * Hour), n: 2, excerpt: "portal"));
        Assert.Equal(Counts(("login", 1), ("portal", 2)), await CountsAsync());

        // Older than the day's newest message: the day is counted again, the new one once.
        await _store.WriteAsync(Message(G, General, Bob, NowMs - (4 * Hour), n: 3, excerpt: "portal refund"));
        Assert.Equal(Counts(("login", 1), ("portal", 3), ("refund", 1)), await CountsAsync());

        await _store.WriteAsync(new IngestEvent
        {
            Type = IngestEventType.MessageUpdate,
            GuildId = G,
            ChannelId = General,
            MessageId = first.MessageId,
            UserId = Alice,
            Excerpt = "invoice",
            EditedAt = NowMs - Hour,
            EventAt = NowMs - Hour,
        });
        Assert.Equal(Counts(("invoice", 1), ("portal", 2), ("refund", 1)), await CountsAsync());

        await _store.WriteAsync(Delete(G, General, first.MessageId!.Value, NowMs - (Hour / 2)));
        Assert.Equal(Counts(("portal", 2), ("refund", 1)), await CountsAsync());

        await _store.WriteAsync(Message(G, General, Alice, NowMs - (Hour / 4), n: 4, excerpt: "refund"));
        Assert.Equal(Counts(("portal", 2), ("refund", 2)), await CountsAsync());
    }

    [Fact]
    public async Task NewerMessageToday_ReadsOnlyItself()
    {
        await _store.WriteAsync(Message(G, General, Alice, NowMs - (3 * Hour), n: 1, excerpt: "portal"));
        Assert.Equal(Counts(("portal", 1)), await CountsAsync());

        // Changed behind the writer's back (no version step): a cache that counted the day again would see "banana".
        await _store.ExecuteAsync($"UPDATE messageFacts SET excerpt = 'banana' WHERE guildId = {G}");
        await _store.WriteAsync(Message(G, General, Bob, NowMs - (2 * Hour), n: 2, excerpt: "portal refund"));

        Assert.Equal(Counts(("portal", 2), ("refund", 1)), await CountsAsync());
        Assert.Equal(Counts(("banana", 1), ("portal", 1), ("refund", 1)), await new KeywordDayCache(_store, new FakeTimeProvider(Now)).CountsAsync((long)G, Week.StartDay, Week.EndDay, CancellationToken.None));
    }

    [Fact]
    public async Task NewerMessageYesterday_AfterTheFillerStoredTheDay_ReadsOnlyItself()
    {
        await _store.WriteAsync(Message(G, General, Alice, Yesterday, n: 1, excerpt: "portal"));
        // Stored before this cache first reads the day (a restart after the job ran): the day is still counted whole once.
        await FillAsync();
        Assert.Equal(Counts(("portal", 1)), await CountsAsync());

        // Changed behind the writer's back (no version step): a cache that counted the day again would see "banana".
        await _store.ExecuteAsync($"UPDATE messageFacts SET excerpt = 'banana' WHERE guildId = {G}");
        await _store.WriteAsync(Message(G, General, Bob, Yesterday + Hour, n: 2, excerpt: "portal refund"));

        Assert.Equal(Counts(("portal", 2), ("refund", 1)), await CountsAsync());
    }

    [Fact]
    public async Task ForgottenMember_LeavesNoKeywordInTheHeldDays()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "secretproject"),
            Message(G, General, Alice, Yesterday, n: 2, excerpt: "secretproject refund"),
            Message(G, General, Bob, NowMs - Hour, n: 3, excerpt: "refund"));
        await FillAsync();
        Assert.Equal(Counts(("refund", 2), ("secretproject", 2)), await CountsAsync());

        await _store.WriteAsync(new IngestEvent { Type = IngestEventType.MemberForget, GuildId = G, UserId = Alice, EventAt = NowMs - (Hour / 2) });

        Assert.Equal(Counts(("refund", 1)), await CountsAsync());
    }

    [Fact]
    public async Task HiddenMember_IsLeftOutOfTheHeldDays_AndBackWhenVisible()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "secretproject"),
            Message(G, General, Bob, NowMs - Hour, n: 2, excerpt: "refund"));
        await FillAsync();
        var visible = await CountsAsync();
        Assert.Equal(Counts(("refund", 1), ("secretproject", 1)), visible);

        // What the privacy setting does (through the app: HiddenMemberKeywordDaysTests): the row, and the stored days go.
        await _store.ExecuteAsync($"INSERT INTO memberPrivacy (guildId, userId, choice, setAt) VALUES ({G}, {Alice}, 'hidden', {NowMs})");
        await ForgetStoredDaysAsync();
        Assert.Equal(Counts(("refund", 1)), await CountsAsync());

        await _store.ExecuteAsync($"DELETE FROM memberPrivacy WHERE guildId = {G}");
        await ForgetStoredDaysAsync();
        Assert.Equal(visible, await CountsAsync());
    }

    private async Task ForgetStoredDaysAsync()
    {
        await using var db = _store.NewContext();
        await KeywordDays.ForgetGuildAsync(db, (long)G, CancellationToken.None);
    }

    private Task<Dictionary<string, long>> CountsAsync() => _cache.CountsAsync((long)G, Week.StartDay, Week.EndDay, CancellationToken.None);

    /// <summary>The filler stores the window's closed days without a row, as the recurring job does between two views.</summary>
    private Task FillAsync() =>
        new KeywordDayFiller(_store, new FakeTimeProvider(Now), NullLogger<KeywordDayFiller>.Instance).FillAsync((long)G, Week.StartDay, Week.EndDay, CancellationToken.None);

    private static Dictionary<string, long> Counts(params (string Term, long Count)[] counts) =>
        counts.ToDictionary(c => c.Term, c => c.Count, StringComparer.Ordinal);

    public sealed class OnSqlite() : KeywordDayCacheTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : KeywordDayCacheTests(StoreProvider.Postgres);
}
