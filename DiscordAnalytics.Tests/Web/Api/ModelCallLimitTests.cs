using System.Net;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;
using DiscordAnalytics.Tests.Insights;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// The routes that call the model (insight refresh, digest generation) through the real app and the loopback
/// model: one at a time per guild, and at most <c>Ai:CallsPerGuildPerMinute</c> per guild in any minute.
/// </summary>
public sealed class ModelCallLimitTests
{
    private const ulong Guild = 4_646_000_000_000_000_001;
    private const ulong OtherGuild = 4_646_000_000_000_000_002;
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Refresh_TwoAtOnceForOneGuild_OneRunsTheOtherIs429WithRetryAfter()
    {
        await using var model = await OpenAiEmulator.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        model.Enqueue(ScriptedChatReply.Held(release.Task, ScriptedChatReply.Completion(ModelReplies.Json([("Other", "One message", "1 message in #general.")], []))));
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?>
            {
                ["Ai:Provider"] = "AzureOpenAI",
                ["Ai:Endpoint"] = model.BaseUrl,
                ["Ai:ApiKey"] = "sk-limit-test-5b1e",
                ["Ai:Deployment"] = "limit-gpt",
            },
            new FakeTimeProvider(Now));
        await SeedAsync(app);
        using var client = app.CreateApiClient();

        var first = client.GetAsync($"/api/guilds/{Guild}/insights?window=7d&refresh=true");
        await Eventually.TrueAsync(() => model.Requests.Count == 1, "the first refresh is waiting for the model");
        using var second = await client.GetAsync($"/api/guilds/{Guild}/insights?window=7d&refresh=true");
        using var digest = await client.PostAsync($"/api/guilds/{Guild}/digests", null);
        release.SetResult();
        using var firstAnswer = await first;

        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the refused refresh says when to come back");
        Assert.Equal(HttpStatusCode.TooManyRequests, digest.StatusCode);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task Refresh_PastThePerMinuteCap_Is429UntilTheMinuteIsOverAndOtherGuildsAreNotAffected()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Ai:CallsPerGuildPerMinute"] = "2" }, time);
        await SeedAsync(app);
        using var client = app.CreateApiClient();

        using var one = await client.GetAsync($"/api/guilds/{Guild}/insights?window=7d&refresh=true");
        time.Advance(TimeSpan.FromSeconds(20));
        using var two = await client.PostAsync($"/api/guilds/{Guild}/digests", null);
        using var three = await client.GetAsync($"/api/guilds/{Guild}/insights?window=7d&refresh=true");
        using var cached = await client.GetAsync($"/api/guilds/{Guild}/insights?window=7d");
        using var other = await client.GetAsync($"/api/guilds/{OtherGuild}/insights?window=7d&refresh=true");
        time.Advance(TimeSpan.FromSeconds(40));
        using var nextMinute = await client.GetAsync($"/api/guilds/{Guild}/insights?window=7d&refresh=true");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Created, two.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), three.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public async Task Start_CapOutOfRange_FailsNamingTheKey(string value)
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Ai:CallsPerGuildPerMinute"] = value });

        var error = app.StartFailure();

        Assert.Contains("Ai:CallsPerGuildPerMinute", error.Message, StringComparison.Ordinal);
    }

    private static Task SeedAsync(AnalyticsAppFactory app)
    {
        var at = Now.AddHours(-3).ToUnixTimeMilliseconds();
        return app.IngestAsync(
        [
            TestEvents.Guild(Guild, "Limited Guild", at),
            TestEvents.Guild(OtherGuild, "Other Guild", at),
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = 51, Name = "general" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = 51, MessageId = Snowflake.FromUnixMs(at), UserId = 61, Excerpt = "hello" },
        ]);
    }
}
