using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>GET /api/guilds/{guildId}/privacy and PUT /api/guilds/{guildId}/members/{userId}/privacy through the real app.</summary>
public sealed class MemberPrivacyApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_343_000_000_000_000_888;
    private const ulong General = 71;
    private const ulong Ada = 81;
    private const ulong Bo = 82;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        var at = Now.AddHours(-3).ToUnixTimeMilliseconds();
        _api = await ApiTestApp.StartAsync(
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Privacy Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = Ada, Name = "Ada" },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = Bo, Name = "Bo" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = General, MessageId = Snowflake.FromUnixMs(at), UserId = Ada, Excerpt = "hello" },
        ]);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_NoChoices_EmptyList()
    {
        var answer = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/privacy");

        Assert.Empty(answer.GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task Put_HiddenAndForgotten_ListedWithNameChoiceAndTime()
    {
        using var hide = await PutAsync(Ada, """{ "choice": "hidden" }""");
        using var forget = await PutAsync(Bo, """{ "choice": "forgotten" }""");

        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forget.StatusCode);
        Assert.Equal("forgotten", (await forget.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("choice").GetString());
        var members = (await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/privacy")).GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("userId").GetString()!);
        Assert.Equal(2, members.Count);
        Assert.Equal("Ada", members[$"{Ada}"].GetProperty("displayName").GetString());
        Assert.Equal("hidden", members[$"{Ada}"].GetProperty("choice").GetString());
        Assert.Equal(Now, DateTimeOffset.Parse(members[$"{Ada}"].GetProperty("setAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        // Forgotten: we no longer know their name.
        Assert.Equal(JsonValueKind.Null, members[$"{Bo}"].GetProperty("displayName").ValueKind);
        Assert.Equal("forgotten", members[$"{Bo}"].GetProperty("choice").GetString());
    }

    [Fact]
    public async Task Put_VisibleAfterHidden_RemovedFromList()
    {
        using var hide = await PutAsync(Ada, """{ "choice": "hidden" }""");
        using var show = await PutAsync(Ada, """{ "choice": "visible" }""");

        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Empty((await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/privacy")).GetProperty("members").EnumerateArray());
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("visible")]
    [InlineData("forgotten")]
    public async Task Put_AlreadyForgotten_409SayingItCannotBeUndone(string choice)
    {
        using var forget = await PutAsync(Ada, """{ "choice": "forgotten" }""");

        using var again = await PutAsync(Ada, $$"""{ "choice": "{{choice}}" }""");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cannot be undone", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var only = Assert.Single((await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/privacy")).GetProperty("members").EnumerateArray());
        Assert.Equal("forgotten", only.GetProperty("choice").GetString());
    }

    [Theory]
    [InlineData("""{ "choice": "invisible" }""")]
    [InlineData("""{ "choice": "Hidden" }""")]
    [InlineData("""{ "choice": 1 }""")]
    [InlineData("""{ "state": "hidden" }""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Put_BadChoice_400NamingChoiceAndNothingChanged(string body)
    {
        using var put = await PutAsync(Ada, body);

        await AssertBadParameterAsync(put, "choice");
        Assert.Empty((await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/privacy")).GetProperty("members").EnumerateArray());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public async Task Put_BadUserId_400NamingUserId(string userId)
    {
        using var put = await _api.Client.PutAsync($"/api/guilds/{Guild}/members/{userId}/privacy", RequestBody.Json("""{ "choice": "hidden" }"""));

        await AssertBadParameterAsync(put, "userId");
    }

    [Fact]
    public async Task GetAndPut_BadGuildId_400NamingGuildId()
    {
        using var get = await _api.Client.GetAsync("/api/guilds/not-an-id/privacy");
        using var put = await _api.Client.PutAsync($"/api/guilds/not-an-id/members/{Ada}/privacy", RequestBody.Json("""{ "choice": "hidden" }"""));

        await AssertBadParameterAsync(get, "guildId");
        await AssertBadParameterAsync(put, "guildId");
    }

    [Fact]
    public async Task GetAndPut_UnknownGuild_404()
    {
        using var get = await _api.Client.GetAsync("/api/guilds/123456789/privacy");
        using var put = await _api.Client.PutAsync($"/api/guilds/123456789/members/{Ada}/privacy", RequestBody.Json("""{ "choice": "forgotten" }"""));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task GetAndPut_NoCredentials_401()
    {
        using var anonymous = _api.App.CreateClient();

        using var get = await anonymous.GetAsync($"/api/guilds/{Guild}/privacy");
        using var put = await anonymous.PutAsync($"/api/guilds/{Guild}/members/{Ada}/privacy", RequestBody.Json("""{ "choice": "forgotten" }"""));

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Empty((await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/privacy")).GetProperty("members").EnumerateArray());
    }

    private static async Task AssertBadParameterAsync(HttpResponseMessage response, string parameter)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    private Task<HttpResponseMessage> PutAsync(ulong user, string body) => _api.Client.PutAsync($"/api/guilds/{Guild}/members/{user}/privacy", RequestBody.Json(body));

}
