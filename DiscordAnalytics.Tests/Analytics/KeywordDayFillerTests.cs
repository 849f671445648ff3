using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Keyword days are written by their owner only: a query on closed days without rows changes nothing in the store file
/// and answers exactly what it answers once <see cref="KeywordDayFiller"/> has stored those days, and the filler stores
/// the terms the query computed. Real writer, real SQLite file.
/// </summary>
public abstract class KeywordDayFillerTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 7_200;
    private const ulong General = 201;
    private const ulong Alice = 601;
    private const ulong Bob = 602;
    private static readonly long ThreeDaysAgo = NineOClock(daysAgo: 3);
    private static readonly long Yesterday = NineOClock(daysAgo: 1);
    private static readonly AnalyticsWindow Week = AnalyticsWindow.Last(7, Today);
    private TempSqliteStore _store = null!;
    private StoreContextFactory _contexts = null!;
    private KeywordDayFiller _filler = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        _contexts = new StoreContextFactory(_store.Storage);
        _filler = new KeywordDayFiller(_contexts, new FakeTimeProvider(Now), NullLogger<KeywordDayFiller>.Instance);
        await _store.WriteAsync(
            Guild(G, "Filler Guild", ThreeDaysAgo - (30 * 24 * Hour)),
            Channel(G, General, "general", ThreeDaysAgo - (30 * 24 * Hour)),
            Message(G, General, Alice, ThreeDaysAgo, n: 1, excerpt: "refund credit"),
            Message(G, General, Bob, Yesterday, n: 2, excerpt: "refund portal"),
            Message(G, General, Alice, Yesterday + Hour, n: 3, excerpt: "refund invoice"),
            Message(G, General, Bob, NowMs - Hour, n: 4, excerpt: "portal login"));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Query_ClosedDaysWithoutRows_ChangesNothingInTheStore_AndTheFillerStoresTheSameTerms()
    {
        await using var probe = await _store.OpenConnectionAsync();
        // SQLite's data_version moves when any other connection commits a change to the file: the query committed none.
        // (PostgreSQL has no per-database counter like it; there the row count below says the same for this table.)
        var sqlite = _store.Provider == StoreProvider.Sqlite;
        var before = sqlite ? await ReadNumberAsync(probe, "PRAGMA data_version") : 0;

        var answered = await KeywordsAsync();

        Assert.Equal(before, sqlite ? await ReadNumberAsync(probe, "PRAGMA data_version") : 0);
        Assert.Equal(0, await ReadNumberAsync(probe, $"SELECT count(*) FROM keywordDays WHERE guildId = {G}"));
        Assert.Equal([new("refund", 3), new("portal", 2), new("credit", 1), new("invoice", 1), new("login", 1)], answered);

        var stored = await _filler.FillAsync((long)G, Week.StartDay, Week.EndDay, CancellationToken.None);

        Assert.Equal(6, stored);
        if (sqlite)
        {
            Assert.NotEqual(before, await ReadNumberAsync(probe, "PRAGMA data_version"));
        }

        var rows = await StoredAsync();
        Assert.Equal(Enumerable.Range(Today - 6, 6), rows.Keys);
        Assert.Equal("refund\t2\ninvoice\t1\nportal\t1", rows[Today - 1]);
        Assert.Equal("credit\t1\nrefund\t1", rows[Today - 3]);
        Assert.Equal(string.Empty, rows[Today - 2]);
        Assert.Equal(answered, await KeywordsAsync());
    }

    [Fact]
    public async Task Query_SomeDaysStoredSomeNot_AnswersAsWithAllOrNoneStored()
    {
        var noneStored = await KeywordsAsync();
        await _filler.FillAsync((long)G, Today - 1, Today, CancellationToken.None);
        Assert.Equal([Today - 1], (await StoredAsync()).Keys);

        var someStored = await KeywordsAsync();
        await _filler.FillAsync((long)G, Week.StartDay, Week.EndDay, CancellationToken.None);

        Assert.Equal(noneStored, someStored);
        Assert.Equal(noneStored, await KeywordsAsync());
    }

    [Fact]
    public async Task FillGuild_StoresEveryClosedDayFromTheDayBeforeTheFirstMessage_NeverToday_AndOnlyOnce()
    {
        var stored = await _filler.FillGuildAsync((long)G, CancellationToken.None);

        Assert.Equal(4, stored);
        Assert.Equal(Enumerable.Range(Today - 4, 4), (await StoredAsync()).Keys);
        Assert.Equal(0, await _filler.FillAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Fill_DayTheWriterDropped_IsReadFromExcerptsUntilStoredAgainWithTheChange()
    {
        await _filler.FillAllAsync(CancellationToken.None);

        // A late message on a stored day: the writer drops that day's row in the same transaction.
        await _store.WriteAsync(Message(G, General, Bob, Yesterday + (2 * Hour), n: 5, excerpt: "invoice overdue"));
        Assert.DoesNotContain(Today - 1, (await StoredAsync()).Keys);
        var answered = await KeywordsAsync();
        Assert.Contains(new KeywordCount("invoice", 2), answered);
        Assert.DoesNotContain(Today - 1, (await StoredAsync()).Keys);

        Assert.Equal(1, await _filler.FillAllAsync(CancellationToken.None));

        Assert.Equal("invoice\t2\nrefund\t2\noverdue\t1\nportal\t1", (await StoredAsync())[Today - 1]);
        Assert.Equal(answered, await KeywordsAsync());
    }

    [Fact]
    public async Task Fill_HiddenMember_StoresDaysWithoutTheirWords_AsTheQueryComputesThem()
    {
        await _store.ExecuteAsync($"INSERT INTO memberPrivacy (guildId, userId, choice, setAt) VALUES ({G}, {Alice}, 'hidden', {NowMs})");
        var answered = await KeywordsAsync();
        Assert.Equal([new("portal", 2), new("login", 1), new("refund", 1)], answered);

        await _filler.FillAllAsync(CancellationToken.None);

        Assert.Equal("portal\t1\nrefund\t1", (await StoredAsync())[Today - 1]);
        Assert.Equal(string.Empty, (await StoredAsync())[Today - 3]);
        Assert.Equal(answered, await KeywordsAsync());
    }

    [Fact]
    public void Runs_SplitsAtGapsAndAtTheLongestRun()
    {
        int[][] expected = [[1, 2, 3], [4, 5], [9], [11, 12]];
        Assert.Equal(expected, KeywordDays.Runs([1, 2, 3, 4, 5, 9, 11, 12], 3).ToArray());
        Assert.Empty(KeywordDays.Runs([], 7));
    }

    private async Task<IReadOnlyList<KeywordCount>> KeywordsAsync()
    {
        var query = new SupportSignalsQuery(_contexts, new FakeTimeProvider(Now));
        return (await query.RunAsync(new AnalyticsQuery(G, Week, 10, IncludeBots: false), CancellationToken.None)).CommonKeywords;
    }

    private static async Task<long> ReadNumberAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
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

    public sealed class OnSqlite() : KeywordDayFillerTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : KeywordDayFillerTests(StoreProvider.Postgres);
}
