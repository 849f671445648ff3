using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary><c>GET /api/guilds/{id}/leaderboard</c>, its CSV and <c>/leaderboard/rules</c> through the real HTTP API.</summary>
public sealed class LeaderboardApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_545_000_000_000_000_001, General = 4_545_101, Ada = 4_545_111, Bo = 4_545_112, Cy = 4_545_113, Dee = 4_545_114;
    private ApiTestApp _api = null!;

    public async Task InitializeAsync()
    {
        IngestEvent[] events =
        [
            TestEvents.Guild(Guild, "Board Guild", NineOClock(30)),
            Channel(Guild, General, "general", NineOClock(30)),
            Member(Guild, Ada, "Ada", NineOClock(30)), Member(Guild, Bo, "Bo", NineOClock(30)),
            Member(Guild, Cy, "Cy", NineOClock(30)), Member(Guild, Dee, "Dee", NineOClock(30)),
            // Ada: three days in a row ending yesterday, 3 messages. Bo (hidden later): 4 messages over two days.
            Message(Guild, General, Ada, NineOClock(3), 1), Message(Guild, General, Ada, NineOClock(2), 2), Message(Guild, General, Ada, NineOClock(1), 3),
            Message(Guild, General, Bo, NineOClock(1), 4), Message(Guild, General, Bo, NineOClock(1), 5),
            Message(Guild, General, Bo, NineOClock(0), 6), Message(Guild, General, Bo, NineOClock(0), 7),
            // Cy (forgotten later): the most messages of all. Dee: reactions only.
            Message(Guild, General, Cy, NineOClock(0), 8), Message(Guild, General, Cy, NineOClock(0), 9),
            Message(Guild, General, Cy, NineOClock(0), 10), Message(Guild, General, Cy, NineOClock(0), 11), Message(Guild, General, Cy, NineOClock(0), 12),
            Reaction(Guild, General, MessageId(NineOClock(1), 3), Dee, NineOClock(1) + Hour),
            Reaction(Guild, General, MessageId(NineOClock(1), 4), Dee, NineOClock(1) + Hour),
        ];
        _api = await ApiTestApp.StartAsync(events);
        using var hide = await _api.Client.PutAsync($"/api/guilds/{Guild}/members/{Bo}/privacy", RequestBody.Json("""{ "choice": "hidden" }"""));
        using var forget = await _api.Client.PutAsync($"/api/guilds/{Guild}/members/{Cy}/privacy", RequestBody.Json("""{ "choice": "forgotten" }"""));
        Assert.True(hide.IsSuccessStatusCode && forget.IsSuccessStatusCode);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Leaderboard_ByMessages_HiddenRankedUnnamedForgottenAbsent()
    {
        var board = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/leaderboard?window=7d&by=messages");

        Assert.Equal(("messages", "2026-11-14", "2026-11-20"), (board.GetProperty("by").GetString(), board.GetProperty("window").GetProperty("start").GetString(), board.GetProperty("window").GetProperty("end").GetString()));
        var entries = board.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(
            [(1, null, null, true, 4.0, 4L), (2, Ada.ToString(), "Ada", false, 3.0, 3L), (3, Dee.ToString(), "Dee", false, 0.0, 0L)],
            entries.Select(e => (e.GetProperty("rank").GetInt32(), e.GetProperty("userId").GetString(), e.GetProperty("name").GetString(),
                e.GetProperty("hidden").GetBoolean(), e.GetProperty("score").GetDouble(), e.GetProperty("messages").GetInt64())));
        var ada = entries[1];
        Assert.Equal((0L, 0L, 0L, 3, 3), (ada.GetProperty("reactions").GetInt64(), ada.GetProperty("threads").GetInt64(), ada.GetProperty("voiceMinutes").GetInt64(),
            ada.GetProperty("currentStreak").GetInt32(), ada.GetProperty("longestStreak").GetInt32()));
        Assert.DoesNotContain(Cy.ToString(), board.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Bo.ToString(), board.GetRawText(), StringComparison.Ordinal);
        Assert.True(board.GetProperty("rules").GetProperty("streak").GetProperty("voice").GetBoolean());
    }

    [Fact]
    public async Task Leaderboard_ByStreakAndTop_RanksTheCurrentStreak()
    {
        var board = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/leaderboard?window=30d&by=STREAK&top=2");

        Assert.Equal(
            [(Ada.ToString(), 3.0), (null, 2.0)],
            board.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("userId").GetString(), e.GetProperty("score").GetDouble())));
    }

    [Theory]
    [InlineData("by=points", "by")]
    [InlineData("by=", "by")]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("window=1y", "window")]
    public async Task Leaderboard_BadParameter_400NamingIt(string parameters, string parameter)
    {
        using var response = await _api.Client.GetAsync($"/api/guilds/{Guild}/leaderboard?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Leaderboard_UnknownGuild_404()
    {
        using var response = await _api.Client.GetAsync("/api/guilds/4545000000000000999/leaderboard");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ExportCsv_LeaderboardByActivity_RowsAsTheApiWithTheHiddenMemberUnnamed()
    {
        var csv = await _api.Client.GetStringAsync($"/api/guilds/{Guild}/export/leaderboard.csv?window=7d");

        Assert.Equal(
            [
                "rank,discordUserId,name,score,messages,reactions,threads,voiceMinutes,currentStreak,longestStreak",
                "1,,hidden member,4,4,0,0,0,2,2",
                $"2,{Ada},Ada,3,3,0,0,0,3,3",
                $"3,{Dee},Dee,2,0,2,0,0,1,1",
            ],
            csv.TrimEnd().Split("\r\n"));
    }

    [Fact]
    public async Task Rules_PutThenGet_ChangesTheScoreAndRefusesBadWeights()
    {
        using var put = await _api.Client.PutAsync($"/api/guilds/{Guild}/leaderboard/rules", RequestBody.Json(
            """{ "streak": { "messages": true, "reactions": false, "voice": false }, "weights": { "message": 1, "reaction": 5, "thread": 0, "voiceMinute": 0 } }"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var board = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/leaderboard?window=7d");
        var first = board.GetProperty("entries")[0];
        Assert.Equal((Dee.ToString(), 10.0, 0), (first.GetProperty("userId").GetString(), first.GetProperty("score").GetDouble(), first.GetProperty("currentStreak").GetInt32()));
        var rules = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/leaderboard/rules");
        Assert.Equal(5, rules.GetProperty("weights").GetProperty("reaction").GetDouble());

        using var negative = await _api.Client.PutAsync($"/api/guilds/{Guild}/leaderboard/rules", RequestBody.Json(
            """{ "streak": { "messages": true, "reactions": false, "voice": false }, "weights": { "message": -1, "reaction": 5, "thread": 0, "voiceMinute": 0 } }"""));
        using var none = await _api.Client.PutAsync($"/api/guilds/{Guild}/leaderboard/rules", RequestBody.Json(
            """{ "streak": { "messages": false, "reactions": false, "voice": false }, "weights": { "message": 1, "reaction": 5, "thread": 0, "voiceMinute": 0 } }"""));
        Assert.Equal("messageWeight", (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        Assert.Equal("streak", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }
}
