using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>
/// Hiding a member after the keyword days were stored, through the real app: the stored days go in the same transaction
/// as the choice, queries leave the member's words out at once (computing the days in memory), the filler stores the
/// days again without them, and making the member visible brings the first answer back.
/// </summary>
public sealed class HiddenMemberKeywordDaysTests : IAsyncLifetime
{
    private const ulong Guild = 5_152_000_000_000_000_001;
    private const ulong General = 31;
    private const ulong Ada = 765_432_109_877;
    private const ulong Bo = 7_003;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly string _summaryUrl = $"/api/guilds/{Guild}/summary?window=7d";
    private ApiTestApp _api = null!;

    private AnalyticsAppFactory App => _api.App;

    private HttpClient Client => _api.Client;

    public async Task InitializeAsync()
    {
        var at = Now.AddDays(-2).ToUnixTimeMilliseconds();
        _api = await ApiTestApp.StartAsync(
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Keyword Privacy Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = 0 },
            Message(at, Ada, "difference engine notes"),
            Message(at + 60_000, Bo, "engine room"),
            Message(Now.AddDays(-1).ToUnixTimeMilliseconds(), Ada, "analytical engine"),
            Message(Now.AddHours(-1).ToUnixTimeMilliseconds(), Bo, "bo says hi"),
        ], new FakeTimeProvider(Now));
    }

    public Task DisposeAsync() => _api.DisposeAsync().AsTask();

    [Fact]
    public async Task Hide_AfterTheDaysWereStored_DropsThem_TheFillerStoresThemAgainWithoutTheirWords()
    {
        var filler = App.Services.GetRequiredService<KeywordDayFiller>();
        Assert.True(await filler.FillAllAsync(CancellationToken.None) > 0);
        var visible = await KeywordsAsync();
        Assert.Equal(("engine", 3), visible[0]);
        Assert.Contains(("difference", 1), visible);

        using (var hide = await SetAsync("hidden"))
        {
            Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        }

        Assert.Empty(await StoredAsync());
        var hidden = await KeywordsAsync();
        Assert.Equal([("engine", 1), ("room", 1), ("says", 1)], hidden);

        Assert.True(await filler.FillAllAsync(CancellationToken.None) > 0);
        var stored = await StoredAsync();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, terms => terms.Contains("difference", StringComparison.Ordinal) || terms.Contains("analytical", StringComparison.Ordinal));
        Assert.Equal(hidden, await KeywordsAsync());

        using (var show = await SetAsync("visible"))
        {
            Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        }

        Assert.Empty(await StoredAsync());
        Assert.Equal(visible, await KeywordsAsync());
    }

    private static IngestEvent Message(long at, ulong author, string excerpt)
    {
        var id = Snowflake.FromUnixMs(at) + author % 1000;
        return new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = General, MessageId = id, UserId = author, Excerpt = excerpt };
    }

    private async Task<List<string>> StoredAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        return await db.KeywordDays.Where(k => k.GuildId == (long)Guild).Select(k => k.Terms).ToListAsync();
    }

    private async Task<List<(string Keyword, long Count)>> KeywordsAsync()
    {
        var summary = await Client.GetFromJsonAsync<JsonElement>(_summaryUrl);
        return [.. summary.GetProperty("supportSignals").GetProperty("commonKeywords").EnumerateArray()
            .Select(k => (k.GetProperty("keyword").GetString()!, k.GetProperty("count").GetInt64()))];
    }

    private Task<HttpResponseMessage> SetAsync(string choice) =>
        Client.PutAsync($"/api/guilds/{Guild}/members/{Ada}/privacy", RequestBody.Json($$"""{ "choice": "{{choice}}" }"""));
}
