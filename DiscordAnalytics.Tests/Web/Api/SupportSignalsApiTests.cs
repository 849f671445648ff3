using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>The summary's supportSignals through the real app, with the app's clock deciding when 24 h are over.</summary>
public sealed class SupportSignalsApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_242_000_000_000_000_777;
    private const ulong Forum = 31;
    private readonly FakeTimeProvider _time = new(Now);
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        var asked = Now.AddHours(-2).ToUnixTimeMilliseconds();
        var post = Snowflake.FromUnixMs(asked);
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = asked, Name = "Support Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = asked, ChannelId = Forum, Name = "questions", ChannelType = ChannelTypes.Forum },
            new() { Type = IngestEventType.ThreadCreate, GuildId = Guild, EventAt = asked, ChannelId = post, ParentId = Forum, UserId = 41, Name = "refund?", ChannelType = ChannelTypes.PublicThread },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = asked, ChannelId = post, MessageId = post, UserId = 41, Excerpt = "Where is my refund?" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = asked + 60_000, ChannelId = post, MessageId = post + 1, UserId = 41, Excerpt = "Still waiting on the refund" },
        ];
        _api = await ApiTestApp.StartAsync(events, _time);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Summary_ForumPostWithoutReply_CountsAsUnansweredOnceItsDayIsOver()
    {
        var before = await SupportAsync();
        _time.Advance(TimeSpan.FromHours(22));
        var after = await SupportAsync();

        Assert.Equal(0, before.GetProperty("unansweredThreads").GetInt64());
        Assert.Equal(1, after.GetProperty("unansweredThreads").GetInt64());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("medianFirstResponseMinutes").ValueKind);
        var keyword = after.GetProperty("commonKeywords")[0];
        Assert.Equal("refund", keyword.GetProperty("keyword").GetString());
        Assert.Equal(2, keyword.GetProperty("count").GetInt64());
    }

    private async Task<JsonElement> SupportAsync() =>
        (await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d")).GetProperty("supportSignals");
}
