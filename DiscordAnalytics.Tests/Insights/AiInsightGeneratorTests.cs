using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Insights;

/// <summary>The model path through the real Azure.AI.OpenAI / OpenAI clients against the loopback emulator.</summary>
public sealed class AiInsightGeneratorTests : IAsyncLifetime
{
    private const string Key = "sk-test-8f3a1c9e77d24b6b";
    private const string Deployment = "insights-gpt";
    private readonly CapturingLoggerProvider _logs = new();
    private OpenAiEmulator _model = null!;

    public async Task InitializeAsync() => _model = await OpenAiEmulator.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Generate_AzureOpenAI_SendsSummaryJsonAndApiKeyToTheDeployment()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Grounded()));
        var summary = InsightSummaries.Busy();

        await Generator(AiProvider.AzureOpenAI).GenerateAsync(summary, CancellationToken.None);

        var request = Assert.Single(_model.Requests);
        Assert.Equal($"/openai/deployments/{Deployment}/chat/completions", request.Path);
        Assert.Equal(Key, request.ApiKeyHeader);
        var messages = request.Messages;
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains("\"insights\"", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains(JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web)), messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("- joins: 2 -> 6 (up 200%)", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("json_object", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_SummaryWithOfficeHoursDraft_PointsTheModelAtItsSlotAndAcceptsAnAnswerNamingIt()
    {
        var summary = InsightSummaries.Busy() with
        {
            OfficeHours = new DiscordAnalytics.Core.Loops.OfficeHours.OfficeHoursDraft(
                "Tuesday", 18, "Europe/Berlin", 14, new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero), "help",
                "Office hours every Tuesday at 18:00 (Europe/Berlin) in #help."),
        };
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Json(
            [("Support", "Questions peak on Tuesday evening", "14 questions came in on Tuesdays at 18:00.")],
            [("OfficeHours", "Office hours", "Host office hours every Tuesday at 18:00 Europe/Berlin in #help.")])));

        var report = await Generator(AiProvider.AzureOpenAI).GenerateAsync(summary, CancellationToken.None);

        var messages = Assert.Single(_model.Requests).Messages;
        Assert.Contains("officeHours", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("the OfficeHours action schedules that slot", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("\"officeHours\":{\"weekday\":\"Tuesday\",\"hour\":18,\"timeZone\":\"Europe/Berlin\",\"questions\":14", messages[1].Content, StringComparison.Ordinal);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
        Assert.Equal(1, report.ModelCalls);
        Assert.Equal("Host office hours every Tuesday at 18:00 Europe/Berlin in #help.", Assert.Single(report.Actions).Text);
    }

    [Fact]
    public async Task Generate_AzureOpenAIGroundedAnswer_ReturnsItsInsightsAndDraftsGrounded()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Grounded()));

        var report = await Generator(AiProvider.AzureOpenAI).GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal("AzureOpenAI", report.Generator);
        Assert.Null(report.FallbackReason);
        Assert.Equal(1, report.ModelCalls);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
        Assert.Equal([(InsightKind.Mover, "Joins up 200%"), (InsightKind.QuietChannel, "#random is quiet")], report.Insights.Select(i => (i.Kind, i.Title)));
        Assert.Equal([ActionDraftKind.Announcement, ActionDraftKind.WeeklyChallenge, ActionDraftKind.OfficeHours], report.Actions.Select(a => a.Kind));
        Assert.Equal("Host office hours on Monday and answer the 3 waiting help threads.", report.Actions[2].Text);
    }

    [Fact]
    public async Task Generate_OpenAICompatible_SendsBearerKeyAndModelToChatCompletions()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Grounded()));

        var report = await Generator(AiProvider.OpenAI, endpoint: _model.BaseUrl + "/v1").GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        var request = Assert.Single(_model.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Authorization);
        Assert.Null(request.ApiKeyHeader);
        Assert.Equal(Deployment, request.BodyString("model"));
        Assert.Equal("OpenAI", report.Generator);
        Assert.Null(report.FallbackReason);
        Assert.True(report.Grounding.IsGrounded);
        Assert.Equal(2, report.Insights.Count);
    }

    [Fact]
    public async Task Generate_OptedOutMember_NeitherTheirRowNorTheirContentReachTheModel()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Grounded()));
        var summary = InsightSummaries.Busy() with { RisingMembers = [new("900000000000000100", "alice", 120, 60), new("900000000000000101", "bob", 90, 80)] };
        var alice = summary.TopMembers[0].DiscordUserId;

        await Generator(AiProvider.AzureOpenAI, optedOut: new FixedOptedOutMembers(alice)).GenerateAsync(summary, CancellationToken.None);

        var prompt = Assert.Single(_model.Requests).Messages[1].Content;
        Assert.DoesNotContain(alice, prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("\"alice\"", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(summary.TopContent[0].Excerpt!, prompt, StringComparison.Ordinal);
        Assert.Contains("\"bob\"", prompt, StringComparison.Ordinal);
        Assert.Contains("\"risingMembers\":[{\"discordUserId\":\"900000000000000101\"", prompt, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Failures() => new()
    {
        { "401", "Azure OpenAI rejected the API key (HTTP 401). Check Ai:ApiKey." },
        { "404", $"Azure OpenAI has no deployment or model named '{Deployment}' (HTTP 404). Check Ai:Endpoint and Ai:Deployment." },
        { "429", "Azure OpenAI is rate limiting requests (HTTP 429). Try again in a minute." },
        { "500", "Azure OpenAI had a server error (HTTP 500). Try again later." },
        { "503", "Azure OpenAI had a server error (HTTP 503). Try again later." },
        { "timeout", "Azure OpenAI did not answer within 1 s." },
        { "garbage", "Azure OpenAI sent an answer that is not a readable chat completion." },
        { "prose", "Azure OpenAI answered, but not with insights in the expected JSON shape." },
        { "wrong-shape", "Azure OpenAI answered, but not with insights in the expected JSON shape." },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Generate_ModelFails_FallsBackToOfflineInsightsWithTheReason(string failure, string reason)
    {
        _model.Enqueue(failure switch
        {
            "timeout" => ScriptedChatReply.Timeout(),
            "garbage" => ScriptedChatReply.Garbage(),
            "prose" => ScriptedChatReply.Completion("Sure! Here are some insights: messages are up."),
            "wrong-shape" => ScriptedChatReply.Completion("""{"summary":"messages are up","items":[1,2,3]}"""),
            _ => ScriptedChatReply.Error(int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture), $"failure echoing {Key}"),
        });
        var summary = InsightSummaries.Busy();
        var offline = await new OfflineInsightGenerator().GenerateAsync(summary, CancellationToken.None);

        // Only the hanging reply gets a short timeout: on a busy machine a first call can take a second.
        var report = await Generator(AiProvider.AzureOpenAI, timeoutSeconds: failure == "timeout" ? 1 : 30).GenerateAsync(summary, CancellationToken.None);

        Assert.Equal(reason, report.FallbackReason);
        Assert.Equal("offline", report.Generator);
        Assert.Equal(offline.Insights, report.Insights);
        Assert.Equal(offline.Actions, report.Actions);
        Assert.True(report.Grounding.IsGrounded);
        Assert.Equal(1, report.ModelCalls);
        Assert.Single(_model.Requests);
        Assert.Contains(_logs.Lines, l => l.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_NoEndpointConfigured_FallsBackWithoutACall()
    {
        var report = await Generator(AiProvider.AzureOpenAI, endpoint: "").GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal("No AI endpoint is configured (Ai:Endpoint).", report.FallbackReason);
        Assert.Equal("offline", report.Generator);
        Assert.Equal(0, report.ModelCalls);
        Assert.NotEmpty(report.Insights);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task Generate_EndpointNotListening_FallsBackSayingItCouldNotReachIt()
    {
        var report = await Generator(AiProvider.OpenAI, endpoint: $"http://127.0.0.1:{ClosedPort()}/v1").GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal("Could not reach the OpenAI-compatible endpoint at Ai:Endpoint.", report.FallbackReason);
        Assert.Equal("offline", report.Generator);
    }

    [Fact]
    public async Task Generate_UnknownProvider_FallsBackNamingTheSetting()
    {
        var options = Options.Create(new AiOptions { Provider = "Gemini", Endpoint = _model.BaseUrl, ApiKey = Key, Deployment = Deployment });
        var generator = new AiInsightGenerator(options, new OfflineInsightGenerator(), new NoOptedOutMembers(), TimeProvider.System, Logger());

        var report = await generator.GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal("Ai:Provider is not one of Offline, AzureOpenAI, OpenAI.", report.FallbackReason);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task Generate_OfflineProvider_IsTheOfflineReportWithoutAReason()
    {
        var summary = InsightSummaries.Busy();

        var report = await Generator(AiProvider.Offline).GenerateAsync(summary, CancellationToken.None);

        var offline = await new OfflineInsightGenerator().GenerateAsync(summary, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(offline), JsonSerializer.Serialize(report));
        Assert.Null(report.FallbackReason);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task Generate_InventedNumberThenGroundedAnswer_RetriesOnceWithTheViolationsAndIsGrounded()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Invented()), ScriptedChatReply.Completion(ModelReplies.Grounded()));

        var report = await Generator(AiProvider.AzureOpenAI).GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal(2, _model.Requests.Count);
        var retry = _model.Requests[1].Messages;
        Assert.Equal(["system", "user", "assistant", "user"], retry.Select(m => m.Role));
        Assert.Equal(ModelReplies.Invented(), retry[2].Content);
        Assert.Contains("do not appear in the summary: 37%, 1,500.", retry[3].Content, StringComparison.Ordinal);
        Assert.Equal("AzureOpenAI", report.Generator);
        Assert.True(report.Grounding.IsGrounded);
        Assert.Equal(2, report.ModelCalls);
        Assert.Equal("Joins up 200%", report.Insights[0].Title);
    }

    [Fact]
    public async Task Generate_InventedNumberTwice_ReturnsTheSecondAnswerFlaggedWithItsViolations()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Invented()), ScriptedChatReply.Completion(ModelReplies.Invented()));

        var report = await Generator(AiProvider.AzureOpenAI).GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal(2, _model.Requests.Count);
        Assert.Equal("AzureOpenAI", report.Generator);
        Assert.Null(report.FallbackReason);
        Assert.False(report.Grounding.IsGrounded);
        Assert.Equal(["37%", "1,500"], report.Grounding.Violations);
        Assert.Equal(2, report.ModelCalls);
    }

    [Fact]
    public async Task Generate_RetryFails_KeepsTheFirstAnswerFlagged()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Invented()), ScriptedChatReply.Error(429));

        var report = await Generator(AiProvider.AzureOpenAI).GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal("AzureOpenAI", report.Generator);
        Assert.Equal(["37%", "1,500"], report.Grounding.Violations);
        Assert.Equal("Messages up 37%", report.Insights[0].Title);
    }

    [Fact]
    public async Task Generate_CallerCancels_Throws()
    {
        _model.Enqueue(ScriptedChatReply.Timeout());
        using var cancel = new CancellationTokenSource();
        var generating = Generator(AiProvider.AzureOpenAI).GenerateAsync(InsightSummaries.Busy(), cancel.Token);
        await Eventually.TrueAsync(() => _model.Requests.Count == 1, "the request reached the model");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generating);
    }

    private AiInsightGenerator Generator(AiProvider provider, string? endpoint = null, int timeoutSeconds = 30, IOptedOutMembers? optedOut = null) => new(
        Options.Create(new AiOptions
        {
            Provider = provider.ToString(),
            Endpoint = endpoint ?? _model.BaseUrl,
            ApiKey = Key,
            Deployment = Deployment,
            TimeoutSeconds = timeoutSeconds,
        }),
        new OfflineInsightGenerator(),
        optedOut ?? new NoOptedOutMembers(),
        TimeProvider.System,
        Logger());

    private ILogger<AiInsightGenerator> Logger() => LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<AiInsightGenerator>();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
