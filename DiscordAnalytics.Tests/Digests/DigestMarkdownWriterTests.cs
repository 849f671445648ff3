using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Insights;
using Markdig;

namespace DiscordAnalytics.Tests.Digests;

public sealed class DigestMarkdownWriterTests
{
    private static async Task<string> WriteAsync(AnalyticsSummary summary)
    {
        var report = await new OfflineInsightGenerator().GenerateAsync(summary, CancellationToken.None);
        return DigestMarkdownWriter.Write(summary, report.Actions);
    }

    [Fact]
    public async Task Write_BusyWeek_HasHeadlinesWithWeekOverWeekChangeAndEverySection()
    {
        var markdown = await WriteAsync(DigestSummaries.Busy());

        Assert.StartsWith("# Weekly digest: Trading Room\n**2026-11-14 to 2026-11-20** (UTC days), compared with the week before.", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Messages:** 1,234 (up 23% from 1,000)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Reactions:** 300 (down 25% from 400)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Active members:** 40 (no change)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **New threads:** 8 (none the week before)", markdown, StringComparison.Ordinal);
        Assert.Contains("## Top channels\n- **#general**: 900 messages, 200 reactions\n- **#help**: 300 messages, 80 reactions", markdown, StringComparison.Ordinal);
        Assert.Contains("## Top contributors\n- **alice**: 120 messages, 45 reactions", markdown, StringComparison.Ordinal);
        Assert.Contains("- [“I lost 500 credits on that trade”](https://discord.com/channels/900000000000000001/900000000000000010/900000000000001000) by **alice** in #general: 42 reactions", markdown, StringComparison.Ordinal);
        Assert.Contains("- [“from a channel and author outside the top lists”](https://discord.com/channels/900000000000000001/900000000000000099/900000000000001001): 7 reactions", markdown, StringComparison.Ordinal);
        Assert.Contains("## Support health\n- Unanswered help threads: 3\n- Median first response: 17.5 minutes\n- Common topics: refund (12), login (7), portal (4)", markdown, StringComparison.Ordinal);
        var actions = markdown[markdown.IndexOf("## Suggested actions", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.InRange(actions.Count, 2, 3);
        Assert.All(actions, a => Assert.StartsWith("- **", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_HistoryStartsInsideTheWeekBefore_SaysNoEarlierDataAndNoPercentage()
    {
        var busy = DigestSummaries.Busy();
        var summary = busy with { PreviousWindow = new PreviousWindow(busy.Window.StartAt - (7 * 86_400_000L), busy.Window.StartAt, HasEarlierData: false) };

        var markdown = await WriteAsync(summary);

        Assert.Contains("- **Messages:** 1,234 (no earlier data)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **New threads:** 8 (no earlier data)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("%", markdown[..markdown.IndexOf("## Top channels", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.True(GroundingCheck.Check(summary, [markdown]).IsGrounded);
    }

    [Fact]
    public async Task Write_ChangeUnderHalfAPercent_SaysSlightlyRatherThanZeroPercent()
    {
        // 574 active members against 572 is +0.35%: "up 0%" read as a contradiction in the demo's digest.
        var busy = DigestSummaries.Busy();
        var summary = busy with
        {
            Totals = busy.Totals with { ActiveMembers = 574, Reactions = 998 },
            PreviousTotals = busy.PreviousTotals with { ActiveMembers = 572, Reactions = 1_000 },
        };

        var markdown = await WriteAsync(summary);

        Assert.Contains("- **Active members:** 574 (up slightly from 572)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Reactions:** 998 (down slightly from 1,000)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0%", markdown, StringComparison.Ordinal);
        Assert.True(GroundingCheck.Check(summary, [markdown]).IsGrounded);
    }

    [Fact]
    public async Task Write_AnySummary_EveryNumberIsGroundedInTheSummary()
    {
        foreach (var summary in new[] { DigestSummaries.Busy(), DigestSummaries.Hostile(), Quiet() })
        {
            var markdown = await WriteAsync(summary);

            var grounding = GroundingCheck.Check(summary, [markdown]);

            Assert.True(grounding.IsGrounded, $"{summary.GuildName}: not in the summary: {string.Join(", ", grounding.Violations)}");
        }
    }

    [Fact]
    public async Task Write_HostileNamesAndExcerpts_RenderAsTheirTextWithNoLinkMentionOrMarkup()
    {
        var markdown = await WriteAsync(DigestSummaries.Hostile());

        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().DisableHtml().Build());

        // Only our own jump link is a link; the hostile ones (masked, javascript:) are text.
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["https://discord.com/channels/900000000000000001/900000000000000010/900000000000001000"], links);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<strong>boss</strong>", html, StringComparison.Ordinal);
        // A name with line breaks cannot open a heading of its own: the only headings are the digest's.
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(html, "<h[12]>").Count);
        // Every '@' and '<' that reaches Discord is escaped, so nothing can mention or ping.
        Assert.DoesNotMatch("(?<!\\\\)[@<]", markdown);
        Assert.Contains("@everyone &lt;@932000000000000001&gt; [free nitro](https://evil.example) **boss**", html, StringComparison.Ordinal);
    }

    private static AnalyticsSummary Quiet() => new(
        AnalyticsSummary.CurrentSchemaVersion, "5", "Empty Place", new SummaryWindow("custom", 0, 604_800_000, "UTC"),
        Totals.Zero, Totals.Zero,
        [.. Enumerable.Range(0, 7).Select(d => new DailyActivity(new DateOnly(1970, 1, 1).AddDays(d), 0, 0, 0))],
        [], [], [], SupportSignals.Empty);
}
