using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Demo.Large;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Bench;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Web.Bench;

/// <summary>
/// The bench commands run end to end on small inputs (real pipeline, real SQLite files in a temp folder) and print
/// every figure docs/performance.md quotes; speed itself is never asserted here.
/// </summary>
public sealed class BenchCommandTests
{
    /// <summary>Every card of the dashboard and the summary, in the bench's order.</summary>
    internal static readonly string[] EveryCard =
    [
        "totals (+ previous)", "activity chart", "engagement", "lurkers", "retention", "top channels (msgs)", "top channels (reacts)", "top members",
        "top content", "heat map", "member growth", "activation", "voice", "trending topics", "messages by kind", "top emojis", "rising members",
        "support signals", "mentors", "summary (API, AI)", "roles", "invites", "leaderboard", "leaderboard (streak)", "leaderboard (msgs)",
        "leaderboard (reacts)", "totals (role)", "engagement (role)", "lurkers (role)", "top members (role)", "member growth (role)",
        "activation (role)", "voice (role)", "roles (role)",
    ];

    /// <summary>The cards timed again after a help-channel message, in a table of their own.</summary>
    internal static readonly string[] HelpCards = ["support signals", "mentors", "office-hours draft"];

    /// <summary>
    /// The live messages one run with one window and one run per reload sends: two per card and per help card (the one it
    /// was brought up to date after, untimed, and the one of its timed reload).
    /// </summary>
    internal static int LiveMessagesPerRun => 2 * (EveryCard.Length + HelpCards.Length);

    /// <summary>
    /// How many rows a card has: the card table, after the warm-up, the live reloads, with a role the warm-up did not build
    /// for a card that follows a role, and the help reloads for a help card.
    /// </summary>
    internal static int RowsOf(string card) =>
        (EveryCard.Contains(card) ? 3 : 0) + (card.EndsWith(" (role)", StringComparison.Ordinal) ? 1 : 0) + (HelpCards.Contains(card) ? 1 : 0);

    [Fact]
    public async Task Ingestion_SmallRun_PrintsEveryPathAndTheRatio()
    {
        var output = new StringWriter();

        var exit = await IngestionBenchmark.RunAsync(["--events", "20000", "--runs", "1"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("20,000 events, median of 1 runs", text);
        Assert.Contains("raw ceiling (plain batched INSERT of each event's row, bare table):", text);
        Assert.Contains("the same rows without their content (excerpt, name):", text);
        Assert.Contains("store writes alone", text);
        Assert.Contains("full pipeline (dedupe + facts + rollups):", text);
        Assert.Matches(@"ratio pipeline/ceiling: \d+\.\d\d .*; against the rows without content: \d+\.\d\d", text);
    }

    [Fact]
    public async Task Cards_OneWeek_PrintsEveryCardForTheSevenDayWindowAndTheSlowest()
    {
        var output = new StringWriter();

        var exit = await CardsBenchmark.RunAsync(["--days", "7", "--runs", "1"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Matches(@"^SQLite: 7 days of the demo community: [\d,]+ events", lines[0]);
        foreach (var card in new[] { "totals (+ previous)", "activity chart", "top content", "heat map", "activation", "support signals", "summary (API, AI)" })
        {
            // Once in the card table, once after the warm-up, once in the live-reload table (and after a help message).
            var rows = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{System.Text.RegularExpressions.Regex.Escape(card)}\s+[\d.]")).ToList();
            Assert.Equal(RowsOf(card), rows.Count);
            Assert.All(rows, row => Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(card)}\s+[\d.]+ ms\s+[\d.]+x$", row));
        }

        Assert.Matches(@"^SQLite: 7 days of the demo community: [\d,]+ events, [\d,]+ MiB, [\d,]+ bytes/event; ingested at [\d,]+ events/s", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^7-day window: [\d,]+ ms$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^managed heap after a full collection: [+-][\d.]+ MiB over before the warm-up$"));
        Assert.StartsWith("slowest first call after the warm-up: ", lines.Last(l => l.StartsWith("slowest first", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("slowest card: ", lines.Last(l => l.Length > 0), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--events", "many")]
    [InlineData("--events", "0")]
    [InlineData("--runs", "-1")]
    [InlineData("--runs", null)]
    public async Task Ingestion_BadOption_IsRefusedNamingIt_BeforeAnyWork(string name, string? value)
    {
        string[] args = value is null ? [name] : [name, value];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => IngestionBenchmark.RunAsync(args, TextWriter.Null, CancellationToken.None));

        Assert.StartsWith($"{name} takes a positive whole number", error.Message);
    }

    [Theory]
    [InlineData("1e3", "--days takes a positive whole number")]
    [InlineData("6", "--days must be at least 7")]
    public async Task Cards_BadDays_IsRefusedNamingIt(string value, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CardsBenchmark.RunAsync(["--days", value], TextWriter.Null, CancellationToken.None));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("--scale huge", "--scale takes demo or large, got 'huge'")]
    [InlineData("--events 1000 --frobnicate 1", "unknown option '--frobnicate'")]
    [InlineData("--events 1000 --postgres", "--postgres takes a value")]
    [InlineData("cards --scale huge", "--scale takes demo or large, got 'huge'")]
    [InlineData("cards --frobnicate 1", "unknown option '--frobnicate'")]
    [InlineData("cards --runs 3 extra", "unknown option 'extra'")]
    [InlineData("cards --keep", "--keep takes a value")]
    [InlineData("cards --store /nonexistent/large.db", "--store /nonexistent/large.db: no such file")]
    [InlineData("cards --store", "--store takes a value")]
    [InlineData("memory --dashboards 0", "--dashboards takes a positive whole number")]
    [InlineData("memory --minutes 1 --seconds 5", "--minutes and --seconds")]
    [InlineData("memory --store /nonexistent/large.db", "--store '/nonexistent/large.db': no such file")]
    [InlineData("memory --open 3", "unknown option '--open'")]
    public async Task Command_BadOption_ExitsWithCode2AndAMessageNamingIt_BeforeAnyWork(string command, string expected)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await BenchCommand.RunAsync(command.Split(' '), output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Command_KeepOnAnExistingFile_IsRefusedAndTheFileIsUntouched()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync();
        var before = File.ReadAllBytes(store.Path);
        var error = new StringWriter();

        var exit = await BenchCommand.RunAsync(["cards", "--scale", "large", "--keep", store.Path], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains($"--keep {store.Path}: the file exists", error.ToString());
        Assert.Equal(before, File.ReadAllBytes(store.Path));
    }

    [Fact]
    public async Task Cards_LargeScaleTinyWeek_PrintsCardsLiveReloadsStoreAndRate_AndKeepsTheStoreWithTheLiveEvents()
    {
        var folder = Directory.CreateTempSubdirectory("da-bench-large-test-");
        try
        {
            var keep = Path.Combine(folder.FullName, "large.db");
            var output = new StringWriter();

            var exit = await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, keep), output, CancellationToken.None);

            Assert.Equal(0, exit);
            var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^SQLite: 7 days of the large community \(2,000 members, 200 active a day, 60 channels\): [\d,]+ events, [\d,]+ MiB, [\d,]+ bytes/event; ingested at [\d,]+ events/s", lines[0]);
            AssertEveryCardInEveryTable(lines);

            // The kept store holds the generated week plus two messages per card and per help card sent through the pipeline:
            // the one it was brought up to date after, untimed, and the one of its timed reload (one window, one run).
            Assert.Equal(TinyWeekMessages() + LiveMessagesPerRun, await MessagesAsync(keep));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Cards_OnAKeptStore_MeasuresItWithoutGenerating_AndItsLiveReloadsFollowItsLastMessage()
    {
        var folder = Directory.CreateTempSubdirectory("da-bench-store-test-");
        try
        {
            var keep = Path.Combine(folder.FullName, "large.db");
            Assert.Equal(0, await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, keep), TextWriter.Null, CancellationToken.None));
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await BenchCommand.RunAsync(["cards", "--store", keep, "--runs", "1", "--days", "7"], output, error, CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.Empty(error.ToString());
            var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            // The week ends on 2025-01-07 (generated from 2025-01-01); its guild is the large community's.
            var guild = new LargeCommunity(18, LargeCommunityTests.Tiny).GuildId;
            Assert.Matches($@"^SQLite store {System.Text.RegularExpressions.Regex.Escape(keep)}: guild {guild}, data up to 2025-01-07, [\d,]+ MiB \(nothing generated\)$", lines[0]);
            Assert.DoesNotContain(lines, l => l.StartsWith("failed", StringComparison.Ordinal));
            AssertEveryCardInEveryTable(lines);

            // Nothing was generated: the store gained exactly the second run's live messages (two per card, as the first
            // run's), none of them a repeat of the first run's.
            Assert.Equal(TinyWeekMessages() + (2 * LiveMessagesPerRun), await MessagesAsync(keep));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--scale", "large")]
    [InlineData("--keep", "/tmp/da-never-written.db")]
    [InlineData("--postgres", "Host=127.0.0.1;Username=postgres")]
    public async Task Cards_StoreWithAnOptionForAGeneratedStore_IsRefusedNamingBoth_AndTheStoreIsUntouched(string name, string value)
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync();
        var before = File.ReadAllBytes(store.Path);
        var error = new StringWriter();

        var exit = await BenchCommand.RunAsync(["cards", "--store", store.Path, name, value], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith($"--store and {name}: --store measures an existing store", error.ToString());
        Assert.Equal(before, File.ReadAllBytes(store.Path));
    }

    private static void AssertEveryCardInEveryTable(string[] lines)
    {
        foreach (var card in EveryCard.Concat(HelpCards).Distinct())
        {
            // Once in the card table, once after the warm-up, once in the live-reload table (and with a role not warmed, after a help message).
            Assert.Equal(RowsOf(card), lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{System.Text.RegularExpressions.Regex.Escape(card)}\s+[\d.]+ ms\s+[\d.]+x$")));
        }

        Assert.Matches(@"^slowest first call with a role not warmed: [\d.]+ ms \(\d+x baseline; target <= 250x\)$", lines[^4]);
        Assert.Matches(@"^slowest first call after the warm-up: [\d.]+ ms \(\d+x baseline; target <= 250x\)$", lines[^3]);
        Assert.Matches(@"^slowest live reload: [\d.]+ ms \(\d+x baseline; target <= 25x\)$", lines[^2]);
        Assert.Matches(@"^slowest card: [\d.]+ ms \(\d+x baseline; target <= 250x\)$", lines[^1]);
    }

    private static int TinyWeekMessages() =>
        new LargeCommunity(18, LargeCommunityTests.Tiny).Activity(1_735_689_600_000, 7).Count(e => e.Type == IngestEventType.MessageCreate);

    private static async Task<int> MessagesAsync(string store)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={store}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM messageFacts";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Memory_OneDashboardForAFewSeconds_PrintsSamplesAndTheFigures()
    {
        var output = new StringWriter();

        var exit = await MemoryBenchmark.RunAsync(["--seconds", "2", "--every", "1", "--dashboards", "1", "--after-close", "1"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("dashboard 1 rendered (live, every card loaded) in ", text);
        Assert.Matches(@"(?m)^start: \d+ MiB\r?$", text);
        Assert.Matches(@"(?m)^peak: \d+ MiB\r?$", text);
        Assert.Matches(@"(?m)^after close: \d+ MiB\r?$", text);
        Assert.Matches(@"(?m)^peak resident: \d+ MiB \(target <= 250 MiB with 1 dashboards open, flat over time\)\r?$", text);
    }

    [Fact]
    public async Task Memory_OnAKeptStore_RunsTheAppAtTheStoresLastMidnight_AndOpensTheDefaultWindowOnceWarmed()
    {
        var folder = Directory.CreateTempSubdirectory("da-bench-memory-store-test-");
        try
        {
            var keep = Path.Combine(folder.FullName, "large.db");
            Assert.Equal(0, await CardsBenchmark.RunAsync(new CardsBenchmarkOptions(Days: 7, Runs: 1, LargeCommunityTests.Tiny, keep), TextWriter.Null, CancellationToken.None));
            SqliteConnection.ClearAllPools();
            var output = new StringWriter();

            var exit = await MemoryBenchmark.RunAsync(["--store", keep, "--seconds", "1", "--every", "1", "--dashboards", "1", "--after-close", "1"], output, CancellationToken.None);

            Assert.Equal(0, exit);
            var text = output.ToString();
            // The dashboard's default window (the last 7 days before the clock's start) holds the store's week: its
            // headline number is drawn only when there is data, so "rendered" says the window is the store's.
            Assert.Matches(@"(?m)^standard windows warmed and the dashboard rehearsed [\d.]+ s after the start\r?$", text);
            Assert.Contains("dashboard 1 rendered (live, every card loaded) in ", text);
            Assert.True(text.IndexOf("standard windows warmed", StringComparison.Ordinal) < text.IndexOf("dashboard 1 rendered", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
