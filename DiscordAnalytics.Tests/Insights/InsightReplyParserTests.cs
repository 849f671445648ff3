using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Tests.Insights;

public sealed class InsightReplyParserTests
{
    [Fact]
    public void TryParse_FencedJsonWithProseAndOddCase_ReadsInsightsAndDrafts()
    {
        const string reply = """
            Here you go:
            ```json
            {"Insights":[{"kind":"mover","title":" Up ","text":"Messages rose."},{"kind":"Sentiment","title":"Mood","text":"Upbeat."}],
             "ACTIONS":[{"kind":"officehours","title":"Office hours","text":"Friday."},{"kind":"Tweet","title":"x","text":"y"}]}
            ```
            """;

        var parsed = InsightReplyParser.TryParse(reply);

        Assert.NotNull(parsed);
        Assert.Equal([new Insight(InsightKind.Mover, "Up", "Messages rose."), new Insight(InsightKind.Other, "Mood", "Upbeat.")], parsed.Value.Insights);
        Assert.Equal([new ActionDraft(ActionDraftKind.OfficeHours, "Office hours", "Friday.")], parsed.Value.Actions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("No JSON here.")]
    [InlineData("{\"insights\": [")]
    [InlineData("[{\"kind\":\"Mover\",\"title\":\"a\",\"text\":\"b\"}]")]
    [InlineData("{\"insights\":\"none\",\"actions\":{}}")]
    [InlineData("{\"insights\":[{\"kind\":\"Mover\",\"title\":\"\",\"text\":\"no title\"}],\"actions\":[{\"kind\":\"Tweet\",\"title\":\"a\",\"text\":\"b\"}]}")]
    public void TryParse_NothingUsable_IsMalformed(string? reply)
    {
        Assert.Null(InsightReplyParser.TryParse(reply));
    }

    [Fact]
    public void TryParse_TooManyAndTooLong_AreCapped()
    {
        var many = Enumerable.Range(0, 20).Select(i => ("Other", new string('t', 500), new string('x', 2_000)));

        var parsed = InsightReplyParser.TryParse(ModelReplies.Json(many, []));

        Assert.Equal(InsightPrompt.MaxInsights, parsed!.Value.Insights.Count);
        Assert.All(parsed.Value.Insights, i => Assert.Equal(InsightReplyParser.MaxTitleLength, i.Title.Length));
        Assert.All(parsed.Value.Insights, i => Assert.Equal(InsightReplyParser.MaxTextLength, i.Text.Length));
    }
}
