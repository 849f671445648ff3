using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// <c>GET /api/guilds/{id}/retention</c>, its CSV export and the summary's <c>lurkers</c> through the real app over HTTP.
/// Today is Friday 2026-11-20 (UTC), so the current week began on Monday 2026-11-16.
/// </summary>
public sealed class RetentionApiTests : IAsyncLifetime
{
    private const ulong GuildId = 4_545_000_000_000_000_777;
    private const ulong General = 71;
    private const ulong Ada = 81, Bo = 82, Cy = 83;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        IngestEvent[] events =
        [
            Guild(GuildId, "Cohort Guild", At(11, 1)),
            Channel(GuildId, General, "general", At(11, 1), ChannelTypes.Text),
            Join(GuildId, Ada, "ada", At(11, 3)),     // cohort of Nov 2
            Join(GuildId, Bo, "bo", At(11, 4)),       // cohort of Nov 2
            Join(GuildId, Cy, "cy", At(11, 10)),      // cohort of Nov 9
            Message(GuildId, General, Ada, At(11, 10), 1),   // Nov 2's first week after
            Message(GuildId, General, Bo, At(11, 17), 2),    // Nov 2's second, running
            Message(GuildId, General, Cy, At(11, 18), 3),    // Nov 9's first, running
        ];
        _api = await ApiTestApp.StartAsync(events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Get_TwoWeeks_CohortsOldestFirstWithEveryFollowingWeek()
    {
        var answer = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{GuildId}/retention?weeks=2");

        Assert.Equal($"{GuildId}", answer.GetProperty("guildId").GetString());
        Assert.Equal(("UTC", "Monday", 2, "2026-11-16"), (answer.GetProperty("timeZone").GetString(), answer.GetProperty("weekStartsOn").GetString(),
            answer.GetProperty("weeks").GetInt32(), answer.GetProperty("currentWeekStart").GetString()));
        var cohorts = answer.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.Equal(["2026-11-02", "2026-11-09"], cohorts.Select(c => c.GetProperty("weekStart").GetString()));
        Assert.Equal([2, 1], cohorts.Select(c => c.GetProperty("members").GetInt64()));
        Assert.Equal(["1:1:0.5:True", "2:1:0.5:False"], Cells(cohorts[0]));
        Assert.Equal(["1:1:1:False"], Cells(cohorts[1]));
    }

    [Fact]
    public async Task Get_NoWeeks_TwelveCohorts()
    {
        var answer = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{GuildId}/retention");

        var cohorts = answer.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.Equal(12, cohorts.Count);
        Assert.Equal(12, cohorts[0].GetProperty("weeks").GetArrayLength());
        Assert.Equal(1, cohorts[^1].GetProperty("weeks").GetArrayLength());
        Assert.Equal("2026-11-09", cohorts[^1].GetProperty("weekStart").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("13")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("twelve")]
    [InlineData("")]
    public async Task Get_WeeksOutOfRange_400NamingWeeks(string weeks)
    {
        using var response = await _api.Client.GetAsync($"/api/guilds/{GuildId}/retention?weeks={weeks}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("weeks", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Get_UnknownGuildOrNotAnId_404Or400LikeEveryGuildRoute()
    {
        using var unknown = await _api.Client.GetAsync("/api/guilds/123456789/retention");
        using var notAnId = await _api.Client.GetAsync("/api/guilds/abc/retention");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Equal("guildId", (await notAnId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Get_Anonymous_Unauthorized()
    {
        using var anonymous = _api.App.CreateClient();

        using var response = await anonymous.GetAsync($"/api/guilds/{GuildId}/retention");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_Retention_OneRowPerCellOfTheTwelveWeeks()
    {
        var csv = await _api.Client.GetStringAsync($"/api/guilds/{GuildId}/export/retention.csv?window=7d");

        var lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal("cohortWeekStart,members,week,active,share,complete", lines[0]);
        Assert.Equal(12 * 13 / 2, lines.Length - 1);
        Assert.Contains("2026-11-02,2,1,1,0.5,true", lines);
        Assert.Contains("2026-11-02,2,2,1,0.5,false", lines);
        Assert.Contains("2026-11-09,1,1,1,1,false", lines);
        Assert.Contains("2026-10-26,0,1,0,,true", lines);
    }

    [Fact]
    public async Task Summary_Lurkers_PresentMembersWhoWereNotActiveInTheWindow()
    {
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{GuildId}/summary?window=7d");

        // The window is Nov 14-20: ada, bo and cy are members; bo and cy posted in it.
        var lurkers = summary.GetProperty("lurkers");
        Assert.Equal((1, 0.333, 3), (lurkers.GetProperty("count").GetInt64(), lurkers.GetProperty("share").GetDouble(), lurkers.GetProperty("knownMembers").GetInt64()));
    }

    private static List<string> Cells(JsonElement cohort) =>
        [.. cohort.GetProperty("weeks").EnumerateArray().Select(w =>
            $"{w.GetProperty("week").GetInt32()}:{w.GetProperty("active").GetInt64()}:{w.GetProperty("share").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}:{w.GetProperty("complete").GetBoolean()}")];

    private static long At(int month, int day) => new DateTimeOffset(2026, month, day, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
