using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>GET/PUT /api/guilds/{guildId}/escalation-roles through the real app, and the summary's escalations following the setting.</summary>
public sealed class EscalationRolesApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_242_000_000_000_000_889;
    private const ulong HelpDesk = 52;
    private const ulong Mods = 71;
    private const ulong Members = 72;
    private const ulong Gone = 73;
    private const ulong Asker = 61;
    private readonly FakeTimeProvider _time = new(Now);
    private ApiTestApp _api = null!;
    private ulong _question;

    public async Task InitializeAsync()
    {
        var at = Now.AddHours(-5).ToUnixTimeMilliseconds();
        _question = Snowflake.FromUnixMs(at);
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Help Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = HelpDesk, Name = "help-desk", ChannelType = ChannelTypes.Text },
            TestEvents.Role(Guild, Mods, "Moderators", at),
            TestEvents.Role(Guild, Members, "members", at),
            TestEvents.Role(Guild, Gone, "old staff", at),
            TestEvents.RoleDelete(Guild, Gone, at + 1),
            // A question that pings the moderators: an escalation once they are an escalation role.
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = HelpDesk, MessageId = _question, UserId = Asker, MentionedRoleIds = new RoleIdList([Mods]) },
        ];
        _api = await ApiTestApp.StartAsync(events, _time);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_NothingChosen_ListsTheGuildsRolesWithoutDeletedOnes()
    {
        var answer = await GetAsync();

        Assert.Empty(Ids(answer));
        Assert.Equal(["members", "Moderators"], answer.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Put_Moderators_StoredAndTheQuestionEscalates()
    {
        Assert.Equal(0, (await EscalationsAsync()).GetProperty("count").GetInt64());

        using var put = await PutAsync($$"""{ "roleIds": ["{{Mods}}"] }""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal([$"{Mods}"], Ids(await put.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal([$"{Mods}"], Ids(await GetAsync()));
        var escalations = await EscalationsAsync();
        Assert.Equal(1, escalations.GetProperty("count").GetInt64());
        var only = Assert.Single(escalations.GetProperty("list").EnumerateArray());
        Assert.Equal(("question", $"{_question}", "roleMention", $"{HelpDesk}"), (only.GetProperty("kind").GetString(), only.GetProperty("id").GetString(), only.GetProperty("reason").GetString(), only.GetProperty("channelId").GetString()));
    }

    [Theory]
    [InlineData("""{ "roleIds": ["999"] }""")]
    [InlineData("""{ "roleIds": ["73"] }""")] // deleted: no longer a role of the guild
    [InlineData("""{ "roleIds": ["abc"] }""")]
    [InlineData("""{ "roleIds": "71" }""")]
    [InlineData("""{ "roles": [] }""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Put_BadRoleIds_400NamingRoleIdsAndNothingChanged(string body)
    {
        using (var first = await PutAsync($$"""{ "roleIds": [{{Members}}] }"""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var put = await PutAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("roleIds", problem.GetProperty("parameter").GetString());
        Assert.Equal([$"{Members}"], Ids(await GetAsync()));
    }

    private async Task<JsonElement> GetAsync() =>
        await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/escalation-roles");

    private Task<HttpResponseMessage> PutAsync(string body) =>
        _api.Client.PutAsync($"/api/guilds/{Guild}/escalation-roles", RequestBody.Json(body));

    private async Task<JsonElement> EscalationsAsync() =>
        (await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d")).GetProperty("supportSignals").GetProperty("escalations");

    private static List<string> Ids(JsonElement answer) =>
        [.. answer.GetProperty("roleIds").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
}
