using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// <c>commonKeywords</c> from stored keyword days: closed days are computed once (by the filler) and read back, today is
/// always read from the excerpts, and every change the writer makes to a stored day's messages is counted by the next
/// query. Real writer, real SQLite file. That a query alone never writes: <see cref="KeywordDayFillerTests"/>.
/// </summary>
public abstract class KeywordDaysTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 7_100;
    private const ulong General = 201;
    private const ulong Alice = 601;
    private const ulong Bob = 602;
    private static readonly long ThreeDaysAgo = NineOClock(daysAgo: 3);
    private static readonly long Yesterday = NineOClock(daysAgo: 1);
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await _store.WriteAsync(
            Guild(G, "Keyword Guild", ThreeDaysAgo - (30 * 24 * Hour)),
            Channel(G, General, "general", ThreeDaysAgo - (30 * 24 * Hour)));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_ClosedDays_AreStoredOnce_AndLaterQueriesReadTheStoredRows()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "refund credit"),
            Message(G, General, Bob, Yesterday, n: 2, excerpt: "refund portal"),
            Message(G, General, Alice, NowMs - Hour, n: 3, excerpt: "portal login"));

        Assert.Equal([new("portal", 2), new("refund", 2), new("credit", 1), new("login", 1)], await KeywordsAsync());

        // Every closed day of the window has a row (days without messages too, so they are not read again); today has none.
        var stored = await StoredAsync();
        Assert.Equal(Enumerable.Range(Today - 6, 6), stored.Keys);
        Assert.Equal("credit\t1\nrefund\t1", stored[Today - 3]);
        Assert.Equal(string.Empty, stored[Today - 2]);

        // The next query reads the stored row, not the excerpts: a row changed behind the writer's back shows.
        await _store.ExecuteAsync($"UPDATE keywordDays SET terms = 'refund\t40' WHERE guildId = {G} AND day = {Today - 3}");
        Assert.Equal([new("refund", 41), new("portal", 2), new("login", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Run_StoredDayWithAWordNowOnTheStopList_DoesNotShowIt()
    {
        // Not a recent day (today and yesterday are counted from their excerpts, stored or not).
        await _store.WriteAsync(Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "refund portal"));
        await KeywordsAsync();

        // A day stored before "tomorrow" joined the stop list.
        await _store.ExecuteAsync($"UPDATE keywordDays SET terms = 'tomorrow\t9\nrefund\t1' WHERE guildId = {G} AND day = {Today - 3}");

        Assert.Equal([new("refund", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Writer_LateCreateOnAStoredDay_IsCountedByTheNextQuery()
    {
        await _store.WriteAsync(Message(G, General, Alice, Yesterday, n: 1, excerpt: "refund"));
        await KeywordsAsync();

        await _store.WriteAsync(Message(G, General, Bob, Yesterday + Hour, n: 2, excerpt: "refund invoice"));

        Assert.Equal([new("refund", 2), new("invoice", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Run_StoredDayBetweenTwoChangedDays_IsCountedOnce()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "refund"),
            Message(G, General, Alice, ThreeDaysAgo + (24 * Hour), n: 2, excerpt: "refund"),
            Message(G, General, Alice, Yesterday, n: 3, excerpt: "refund"));
        await KeywordsAsync();

        // The days before and after the middle one change; the middle one stays stored and is read in their refill's range.
        await _store.WriteAsync(
            Message(G, General, Bob, ThreeDaysAgo + Hour, n: 4, excerpt: "invoice"),
            Message(G, General, Bob, Yesterday + Hour, n: 5, excerpt: "invoice"));

        Assert.Equal([new("refund", 3), new("invoice", 2)], await KeywordsAsync());
    }

    [Fact]
    public async Task Writer_EditOnAStoredDay_IsCountedByTheNextQuery()
    {
        var message = Message(G, General, Alice, Yesterday, n: 1, excerpt: "refund");
        await _store.WriteAsync(message);
        await KeywordsAsync();

        await _store.WriteAsync(new IngestEvent
        {
            Type = IngestEventType.MessageUpdate,
            GuildId = G,
            ChannelId = General,
            MessageId = message.MessageId,
            UserId = Alice,
            Excerpt = "invoice",
            EditedAt = NowMs - Hour,
            EventAt = NowMs - Hour,
        });

        Assert.Equal([new("invoice", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Writer_DeleteOnAStoredDay_IsCountedByTheNextQuery()
    {
        var message = Message(G, General, Alice, Yesterday, n: 1, excerpt: "refund");
        await _store.WriteAsync(message, Message(G, General, Bob, Yesterday, n: 2, excerpt: "invoice"));
        await KeywordsAsync();

        // Deleted today: the row of the message's day goes, not today's.
        await _store.WriteAsync(Delete(G, General, message.MessageId!.Value, NowMs - Hour));

        Assert.Equal([new("invoice", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Writer_ForgottenMember_LeavesNoKeywordOnStoredDays()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "secretproject"),
            Message(G, General, Alice, Yesterday, n: 2, excerpt: "secretproject refund"),
            Message(G, General, Bob, Yesterday, n: 3, excerpt: "refund"));
        Assert.Equal([new("refund", 2), new("secretproject", 2)], await KeywordsAsync());

        await _store.WriteAsync(new IngestEvent { Type = IngestEventType.MemberForget, GuildId = G, UserId = Alice, EventAt = NowMs - Hour });

        Assert.Equal([new("refund", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Writer_BotMessageOnAStoredDay_LeavesTheStoredRow()
    {
        await _store.WriteAsync(Message(G, General, Alice, Yesterday, n: 1, excerpt: "refund"));
        await KeywordsAsync();

        await _store.WriteAsync(Message(G, General, Bob, Yesterday + Hour, n: 2, excerpt: "banana", bot: true));

        Assert.Contains(Today - 1, (await StoredAsync()).Keys);
        Assert.Equal([new("refund", 1)], await KeywordsAsync());
    }

    [Fact]
    public async Task Run_DayWithMoreTermsThanKept_StoresItsMostCommonTerms()
    {
        // One term in two messages, then more single-message terms than a day keeps.
        var excerpts = new List<string> { "common", "common" };
        excerpts.AddRange(Enumerable.Range(0, KeywordDays.TermsPerDay).Select(i => $"term{i:D4}"));
        await _store.WriteAsync([.. excerpts.Select((text, i) => Message(G, General, Alice, Yesterday, n: (ulong)i + 1, excerpt: text))]);

        var keywords = await KeywordsAsync(top: 3);

        Assert.Equal([new("common", 2), new("term0000", 1), new("term0001", 1)], keywords);
        var terms = (await StoredAsync())[Today - 1].Split('\n');
        Assert.Equal(KeywordDays.TermsPerDay, terms.Length);
        Assert.Equal("common\t2", terms[0]);
        Assert.DoesNotContain($"term{KeywordDays.TermsPerDay - 1:D4}\t1", terms);
    }

    /// <summary>
    /// What a query answers once the rows' owner has been there: the filler stores the window's closed days that have no
    /// row (as the recurring job does between two dashboard views), then the query reads.
    /// </summary>
    private async Task<IReadOnlyList<KeywordCount>> KeywordsAsync(int top = 10)
    {
        var (contexts, time, window) = (_store, new FakeTimeProvider(Now), AnalyticsWindow.Last(7, Today));
        await new KeywordDayFiller(contexts, time, NullLogger<KeywordDayFiller>.Instance).FillAsync((long)G, window.StartDay, window.EndDay, CancellationToken.None);
        var query = new SupportSignalsQuery(contexts, time);
        var signals = await query.RunAsync(new AnalyticsQuery(G, window, top, IncludeBots: false), CancellationToken.None);
        return signals.CommonKeywords;
    }

    private async Task<SortedDictionary<int, string>> StoredAsync()
    {
        await using var connection = await _store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT day, terms FROM keywordDays WHERE guildId = {G}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new SortedDictionary<int, string>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt32(0)] = reader.GetString(1);
        }

        return rows;
    }

    public sealed class OnSqlite() : KeywordDaysTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : KeywordDaysTests(StoreProvider.Postgres);
}
