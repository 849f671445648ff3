using System.Net;
using System.Net.Http.Headers;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.PublicLeaderboard;

/// <summary>
/// The public leaderboard page through the real app, as an anonymous visitor: off until turned on, a new link voids
/// the old one at once, only names and numbers of members who may be named, cached, rate limited per client, and the
/// token opens nothing else.
/// </summary>
public sealed class PublicLeaderboardPageTests : IAsyncLifetime
{
    private const ulong Guild = 4_646_000_000_000_000_001, General = 4_646_101, Ada = 4_646_111, Bo = 4_646_112, Cy = 4_646_113;
    private readonly FakeTimeProvider _time = new(Now);
    private AnalyticsAppFactory _app = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["PublicLeaderboard:RequestsPerMinute"] = "12" }, _time);
        await _app.IngestAsync(
        [
            TestEvents.Guild(Guild, "Public Guild", NineOClock(30)),
            Channel(Guild, General, "general", NineOClock(30)),
            Member(Guild, Ada, "Ada Lovelace", NineOClock(30)), Member(Guild, Bo, "Bo Hidden", NineOClock(30)), Member(Guild, Cy, "Cy Forgotten", NineOClock(30)),
            Message(Guild, General, Ada, NineOClock(2), 1), Message(Guild, General, Ada, NineOClock(1), 2),
            Message(Guild, General, Bo, NineOClock(1), 3), Message(Guild, General, Bo, NineOClock(1), 4), Message(Guild, General, Bo, NineOClock(1), 5),
            Message(Guild, General, Cy, NineOClock(1), 6), Message(Guild, General, Cy, NineOClock(1), 7), Message(Guild, General, Cy, NineOClock(1), 8),
            Message(Guild, General, Cy, NineOClock(1), 9),
        ]);
        using var api = _app.CreateApiClient();
        using var hide = await api.PutAsync($"/api/guilds/{Guild}/members/{Bo}/privacy", RequestBody.Json("""{ "choice": "hidden" }"""));
        using var forget = await api.PutAsync($"/api/guilds/{Guild}/members/{Cy}/privacy", RequestBody.Json("""{ "choice": "forgotten" }"""));
        Assert.True(hide.IsSuccessStatusCode && forget.IsSuccessStatusCode);
        _anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _app.DisposeAsync();
    }

    private LeaderboardSettingsStore Settings => _app.Services.GetRequiredService<LeaderboardSettingsStore>();

    [Fact]
    public async Task Page_Off_404ForAnyToken()
    {
        using var wellFormed = await _anonymous.GetAsync($"/public/leaderboard/{PublicLinkTokens.NewToken()}");
        using var junk = await _anonymous.GetAsync("/public/leaderboard/not-a-token");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (wellFormed.StatusCode, junk.StatusCode));
    }

    [Fact]
    public async Task Page_On_ShowsNamesAndNumbersOfVisibleMembersOnly()
    {
        var link = await Settings.NewPublicLinkAsync((long)Guild, CancellationToken.None);

        using var response = await _anonymous.GetAsync($"/public/leaderboard/{link!.Token}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("Public Guild", html, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"public-current-streak\">2<", html, StringComparison.Ordinal);
        Assert.Single(html.Split("data-testid=\"public-row\"").Skip(1));
        foreach (var absent in new[] { "Bo Hidden", "Cy Forgotten", Bo.ToString(), Cy.ToString(), Ada.ToString() })
        {
            Assert.DoesNotContain(absent, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_NewLinkOrOff_OldLink404AtOnce()
    {
        var first = (await Settings.NewPublicLinkAsync((long)Guild, CancellationToken.None))!.Token!;
        using (var open = await _anonymous.GetAsync($"/public/leaderboard/{first}"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        var second = (await Settings.NewPublicLinkAsync((long)Guild, CancellationToken.None))!.Token!;
        using (var revoked = await _anonymous.GetAsync($"/public/leaderboard/{first}"))
        using (var current = await _anonymous.GetAsync($"/public/leaderboard/{second}"))
        {
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (revoked.StatusCode, current.StatusCode));
        }

        await Settings.DisablePublicLinkAsync((long)Guild, CancellationToken.None);
        using var off = await _anonymous.GetAsync($"/public/leaderboard/{second}");
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
    }

    [Fact]
    public async Task Page_Cached_NewActivityShowsOnceTheCacheIsOver()
    {
        var token = (await Settings.NewPublicLinkAsync((long)Guild, CancellationToken.None))!.Token!;
        Assert.Contains(">2<", await RowOfAdaAsync(token), StringComparison.Ordinal);

        await _app.IngestAsync([Message(Guild, General, Ada, NowMs - Hour, 20), Message(Guild, General, Ada, NowMs - Hour, 21)]);
        var cached = await RowOfAdaAsync(token);
        _time.Advance(TimeSpan.FromSeconds(61));
        var fresh = await RowOfAdaAsync(token);

        Assert.Contains("<td class=\"num\">2</td>", cached, StringComparison.Ordinal);   // messages as cached
        Assert.Contains("<td class=\"num\">4</td>", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OverTheLimit_429WithRetryAfterThenOpenAgainAfterAMinute()
    {
        var token = (await Settings.NewPublicLinkAsync((long)Guild, CancellationToken.None))!.Token!;
        for (var i = 0; i < 12; i++)
        {
            using var allowed = await _anonymous.GetAsync($"/public/leaderboard/{token}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using (var limited = await _anonymous.GetAsync($"/public/leaderboard/{token}"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        }

        // Guesses count too: a wrong token is refused by the limit before any lookup.
        using (var guess = await _anonymous.GetAsync($"/public/leaderboard/{PublicLinkTokens.NewToken()}"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, guess.StatusCode);
        }

        _time.Advance(TimeSpan.FromSeconds(60));
        using var again = await _anonymous.GetAsync($"/public/leaderboard/{token}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Token_OpensNoOtherPageOrApi()
    {
        var token = (await Settings.NewPublicLinkAsync((long)Guild, CancellationToken.None))!.Token!;
        using var bearer = _app.CreateClient(new() { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        foreach (var path in new[]
        {
            $"/api/guilds/{Guild}/leaderboard?token={token}",
            $"/api/guilds/{Guild}/summary?token={token}",
            $"/api/guilds/{Guild}/export/leaderboard.csv?token={token}",
            $"/api/guilds?token={token}",
        })
        {
            using var query = await _anonymous.GetAsync(path);
            using var header = await bearer.GetAsync(path);
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (query.StatusCode, header.StatusCode));
        }

        foreach (var path in new[] { $"/?token={token}", $"/dashboard?guildId={Guild}&token={token}", $"/settings?token={token}" })
        {
            using var page = await bearer.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/login", page.Headers.Location!.AbsolutePath);
        }

        using var deeper = await _anonymous.GetAsync($"/public/leaderboard/{token}/settings");
        Assert.NotEqual(HttpStatusCode.OK, deeper.StatusCode);
        using var hub = await bearer.PostAsync($"/_blazor/negotiate?negotiateVersion=1&token={token}", null);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
    }

    private async Task<string> RowOfAdaAsync(string token)
    {
        var html = await _anonymous.GetStringAsync($"/public/leaderboard/{token}");
        var start = html.IndexOf("Ada Lovelace", StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
