using Bunit;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;
using DiscordAnalytics.Tests.Insights;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class InsightsCardTests : DashboardTestContext, IClassFixture<OpenAiEmulatorFixture>
{
    private const string Key = "sk-card-test-5d1e0b";
    private readonly OpenAiEmulator _model;

    public InsightsCardTests(OpenAiEmulatorFixture fixture)
    {
        _model = fixture.Model;
        _model.Reset();
    }

    [Fact]
    public async Task Render_NothingGenerated_OffersToGenerateAndCallsNothing()
    {
        await SeedWorldAsync();

        var cut = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));

        Assert.Equal("Generate insights", cut.Find("[data-testid=insights-generate]").TextContent.Trim());
        Assert.Contains("No insights for this window yet", cut.Find("[data-testid=card-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task Generate_Offline_ShowsInsightsAndDraftsApartWithTheGroundedBadge()
    {
        await SeedWorldAsync();
        var cut = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.Find("[data-testid=insights-generate]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=insight]")));
        Assert.Equal("grounded", cut.Find("[data-testid=insights-grounded]").TextContent.Trim());
        Assert.Equal("by the offline rules", cut.Find("[data-testid=insights-provider]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=insights-fallback]"));
        Assert.Empty(cut.FindAll("[data-testid=insights-ungrounded]"));
        var insights = cut.FindAll("[data-testid=insights-list] [data-testid=insight-title]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Top contributor: alice", insights);
        Assert.Contains("Best posting hour: 11:00 UTC", insights);
        var drafts = cut.FindAll("[data-testid=action-drafts] [data-testid=action-draft]");
        Assert.Equal(["Announcement", "WeeklyChallenge"], drafts.Select(d => d.GetAttribute("data-kind")));
        Assert.Empty(cut.FindAll("[data-testid=insights-list] [data-testid=action-draft]"));
        Assert.Equal("Regenerate", cut.Find("[data-testid=insights-generate]").TextContent.Trim());
        Assert.Equal("2026-11-19 15:00", cut.Find("[data-testid=insights-generated-at]").TextContent.Trim()[10..26]);
    }

    [Fact]
    public async Task Generate_ModelRejectsTheKey_ShowsTheOfflineInsightsAndTheReason()
    {
        await SeedWorldAsync();
        UseModel();
        _model.Enqueue(ScriptedChatReply.Error(401, $"bad key {Key}"));
        var cut = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.Find("[data-testid=insights-generate]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Azure OpenAI rejected the API key (HTTP 401). Check Ai:ApiKey.",
            cut.Find("[data-testid=insights-fallback-reason]").TextContent.Trim()));
        Assert.Equal("by the offline rules", cut.Find("[data-testid=insights-provider]").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("[data-testid=insight]"));
        Assert.DoesNotContain(Key, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ModelInventsANumberTwice_ListsTheViolationsWithoutTheBadge()
    {
        await SeedWorldAsync();
        UseModel();
        var invented = ModelReplies.Json([("Mover", "Record week", "Messages reached 98,765.")], [("Announcement", "Recap", "Thanks, alice!")]);
        _model.Enqueue(ScriptedChatReply.Completion(invented), ScriptedChatReply.Completion(invented));
        var cut = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.Find("[data-testid=insights-generate]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["98,765"], cut.FindAll("[data-testid=insights-violation]").Select(v => v.TextContent.Trim())));
        Assert.Empty(cut.FindAll("[data-testid=insights-grounded]"));
        Assert.Equal("by Azure OpenAI (second attempt)", cut.Find("[data-testid=insights-provider]").TextContent.Trim());
        Assert.Equal("Messages reached 98,765.", cut.Find("[data-testid=insight-text]").TextContent.Trim());
        Assert.Equal("Thanks, alice!", cut.Find("[data-testid=action-text]").TextContent.Trim());
        Assert.Equal(2, _model.Requests.Count);
    }

    [Fact]
    public async Task Generate_HostileModelText_RendersAsText()
    {
        await SeedWorldAsync();
        UseModel();
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Json([("Other", hostile, hostile)], [])));
        var cut = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.Find("[data-testid=insights-generate]").Click();

        cut.WaitForAssertion(() => Assert.Equal(hostile, cut.Find("[data-testid=insight-title]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("[data-testid=card-insights] img"));
    }

    [Fact]
    public async Task Render_SameWindowAgain_ShowsTheCachedResultWithoutAnotherModelCall()
    {
        await SeedWorldAsync();
        UseModel();
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Json([("Other", "Cached insight", "alice was busy.")], [])));
        var first = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));
        first.Find("[data-testid=insights-generate]").Click();
        first.WaitForAssertion(() => Assert.Equal("Cached insight", first.Find("[data-testid=insight-title]").TextContent.Trim()));

        var second = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));

        Assert.Equal("Cached insight", second.Find("[data-testid=insight-title]").TextContent.Trim());
        Assert.Single(_model.Requests);
        var other = Render<InsightsCard>(p => p.Add(c => c.Query, QuietWeek()));
        Assert.NotEmpty(other.FindAll("[data-testid=card-empty]"));
    }

    private void UseModel()
    {
        Ai.Provider = nameof(AiProvider.AzureOpenAI);
        Ai.Endpoint = _model.BaseUrl;
        Ai.ApiKey = Key;
        Ai.Deployment = "card-gpt";
    }
}
