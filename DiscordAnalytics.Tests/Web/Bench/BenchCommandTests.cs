using DiscordAnalytics.Web.Bench;

namespace DiscordAnalytics.Tests.Web.Bench;

/// <summary>
/// The bench commands run end to end on small inputs (real pipeline, real SQLite files in a temp folder) and print
/// every figure docs/performance.md quotes; speed itself is never asserted here.
/// </summary>
public sealed class BenchCommandTests
{
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
        Assert.Matches(@"^7 days of the demo community: [\d,]+ events", lines[0]);
        foreach (var card in new[] { "totals (+ previous)", "activity chart", "top content", "heat map", "activation", "support signals", "summary (API, AI)" })
        {
            Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(card)}\s+[\d.]+ ms\s+[\d.]+x$", Assert.Single(lines, l => l.StartsWith(card, StringComparison.Ordinal)));
        }

        Assert.Contains(lines, l => l.StartsWith("slowest card: ", StringComparison.Ordinal));
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
}
