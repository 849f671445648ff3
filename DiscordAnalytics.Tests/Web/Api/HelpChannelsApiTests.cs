using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>GET/PUT /api/guilds/{guildId}/help-channels through the real app, and the summary following the setting.</summary>
public sealed class HelpChannelsApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_242_000_000_000_000_888;
    private const ulong Forum = 51;
    private const ulong HelpDesk = 52;
    private const ulong General = 53;
    private const ulong Category = 54;
    private const ulong Asker = 61;
    private const ulong Helper = 62;
    private readonly FakeTimeProvider _time = new(Now);
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        var at = Now.AddHours(-5).ToUnixTimeMilliseconds();
        var question = Snowflake.FromUnixMs(at);
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Help Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = Forum, Name = "ideas", ChannelType = ChannelTypes.Forum },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = HelpDesk, Name = "help-desk", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = Category, Name = "Support", ChannelType = ChannelTypes.Category },
            // A question in general answered after 7 minutes: it counts only once general is a help channel.
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = General, MessageId = question, UserId = Asker },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at + (7 * 60_000), ChannelId = General, MessageId = question + 1, UserId = Helper },
        ];
        _api = await ApiTestApp.StartAsync(events, _time);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_NothingChosen_DefaultRuleForTextAndForumChannels()
    {
        var answer = await GetAsync();

        Assert.Equal([$"{Forum}", $"{HelpDesk}"], Ids(answer));
        var channels = answer.GetProperty("channels").EnumerateArray().ToList();
        Assert.Equal(["general", "help-desk", "ideas"], channels.Select(c => c.GetProperty("name").GetString()));
        Assert.All(channels, c => Assert.True(c.GetProperty("isDefault").GetBoolean()));
    }

    [Fact]
    public async Task Put_MarkGeneralUnmarkForum_StoredAndTheSummaryFollows()
    {
        Assert.Equal(JsonValueKind.Null, (await SupportAsync()).GetProperty("medianMessageFirstResponseMinutes").ValueKind);

        using var put = await PutAsync($$"""{ "channelIds": ["{{General}}", {{HelpDesk}}] }""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal([$"{HelpDesk}", $"{General}"], Ids(await put.Content.ReadFromJsonAsync<JsonElement>()));
        var again = await GetAsync();
        Assert.Equal([$"{HelpDesk}", $"{General}"], Ids(again));
        var isDefault = again.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("isDefault").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["general"] = false, ["help-desk"] = true, ["ideas"] = false }, isDefault);
        var support = await SupportAsync();
        Assert.Equal(7.0, support.GetProperty("medianMessageFirstResponseMinutes").GetDouble());
        Assert.Equal(7.0, support.GetProperty("medianFirstResponseMinutes").GetDouble());
    }

    [Theory]
    [InlineData("""{ "channelIds": ["999"] }""")]
    [InlineData("""{ "channelIds": ["54"] }""")] // the category: known, but not a channel where questions are asked
    [InlineData("""{ "channelIds": ["abc"] }""")]
    [InlineData("""{ "channelIds": "51" }""")]
    [InlineData("""{ "channels": [] }""")]
    [InlineData("""[51]""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Put_BadChannelIds_400NamingChannelIdsAndNothingChanged(string body)
    {
        using var put = await PutAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("channelIds", problem.GetProperty("parameter").GetString());
        Assert.Equal([$"{Forum}", $"{HelpDesk}"], Ids(await GetAsync()));
    }

    [Fact]
    public async Task Put_EmptyList_NoHelpChannelsAtAll()
    {
        using var put = await PutAsync("""{ "channelIds": [] }""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Empty(Ids(await GetAsync()));
    }

    [Fact]
    public async Task Get_WithoutCredentials_401()
    {
        using var anonymous = _api.App.CreateClient();

        using var response = await anonymous.GetAsync($"/api/guilds/{Guild}/help-channels");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> GetAsync() =>
        await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/help-channels");

    private Task<HttpResponseMessage> PutAsync(string body) =>
        _api.Client.PutAsync($"/api/guilds/{Guild}/help-channels", RequestBody.Json(body));

    private async Task<JsonElement> SupportAsync() =>
        (await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d")).GetProperty("supportSignals");

    private static List<string> Ids(JsonElement answer) =>
        [.. answer.GetProperty("channelIds").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
}
