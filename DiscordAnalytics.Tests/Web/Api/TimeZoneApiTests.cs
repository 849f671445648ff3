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

/// <summary>GET/PUT /api/guilds/{guildId}/time-zone through the real app, and the summary's hourly numbers following it.</summary>
public sealed class TimeZoneApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_343_000_000_000_000_777;
    private const ulong General = 71;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        // One message at 18:20 UTC yesterday: 00:05 local in Kathmandu (+05:45).
        var at = new DateTimeOffset(2026, 11, 19, 18, 20, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Zone Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = General, MessageId = Snowflake.FromUnixMs(at), UserId = 81 },
        ];
        _api = await ApiTestApp.StartAsync(events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_NeverSet_Utc()
    {
        var answer = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/time-zone");

        Assert.Equal($"{Guild}", answer.GetProperty("guildId").GetString());
        Assert.Equal("UTC", answer.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Put_IanaZone_StoredAndSummaryHourlyAndWindowFollow()
    {
        Assert.Equal(1, await HourlyAsync(18));

        using var put = await PutAsync("""{ "timeZone": "Asia/Kathmandu" }""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Asia/Kathmandu", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("timeZone").GetString());
        Assert.Equal("Asia/Kathmandu", (await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/time-zone")).GetProperty("timeZone").GetString());
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d");
        Assert.Equal("Asia/Kathmandu", summary.GetProperty("window").GetProperty("timeZone").GetString());
        Assert.Equal(0, await HourlyAsync(18));
        Assert.Equal(1, await HourlyAsync(0));

        using var back = await PutAsync("""{ "timeZone": "UTC" }""");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(1, await HourlyAsync(18));
    }

    [Theory]
    [InlineData("""{ "timeZone": "Mars/Olympus" }""")]
    [InlineData("""{ "timeZone": "Pacific Standard Time" }""")]
    [InlineData("""{ "timeZone": 5 }""")]
    [InlineData("""{ "zone": "Europe/Berlin" }""")]
    [InlineData("not json")]
    public async Task Put_NotAnIanaZone_400NamingTimeZoneAndNothingChanged(string body)
    {
        using var put = await PutAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal("timeZone", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        Assert.Equal("UTC", (await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/time-zone")).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task GetAndPut_UnknownGuild_404()
    {
        using var get = await _api.Client.GetAsync("/api/guilds/123456789/time-zone");
        using var put = await _api.Client.PutAsync("/api/guilds/123456789/time-zone", RequestBody.Json("""{ "timeZone": "Europe/Berlin" }"""));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task Get_BadGuildId_400NamingGuildId()
    {
        using var get = await _api.Client.GetAsync("/api/guilds/not-an-id/time-zone");

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal("guildId", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    private async Task<long> HourlyAsync(int hour)
    {
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d");
        return summary.GetProperty("hourly").EnumerateArray().Single(h => h.GetProperty("hour").GetInt32() == hour).GetProperty("messages").GetInt64();
    }

    private Task<HttpResponseMessage> PutAsync(string body) => _api.Client.PutAsync($"/api/guilds/{Guild}/time-zone", RequestBody.Json(body));

}
