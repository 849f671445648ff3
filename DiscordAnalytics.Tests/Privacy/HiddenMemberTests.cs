using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>
/// A hidden member through the real app: counted in every number, listed nowhere an admin or the AI sees members
/// (top and rising members, top content's author and excerpt, the CSV exports, the insights' opted-out list), whose
/// words leave the common keywords, and back everywhere once made visible.
/// </summary>
public sealed class HiddenMemberTests : IAsyncLifetime
{
    private const ulong Guild = 5_151_000_000_000_000_001;
    private const ulong General = 31;
    private const ulong Ada = 765_432_109_876;
    private const ulong Bo = 7_002;
    private const string AdaName = "Ada Lovelace";
    private const string AdaExcerpt = "the analytical engine plan";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly string _summaryUrl = $"/api/guilds/{Guild}/summary?window=7d";
    private ApiTestApp _api = null!;

    private AnalyticsAppFactory App => _api.App;

    private HttpClient Client => _api.Client;

    public async Task InitializeAsync()
    {
        var at = Now.AddHours(-5).ToUnixTimeMilliseconds();
        var adas = Enumerable.Range(0, 3).Select(i => Snowflake.FromUnixMs(at + (i * 60_000))).ToArray();
        var bos = Snowflake.FromUnixMs(at + 600_000);
        _api = await ApiTestApp.StartAsync(
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Hidden Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = Ada, Name = AdaName },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = Bo, Name = "Bo" },
            .. adas.Select(id => new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(id), ChannelId = General, MessageId = id, UserId = Ada, Excerpt = AdaExcerpt }),
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Snowflake.ToUnixMs(bos), ChannelId = General, MessageId = bos, UserId = Bo, Excerpt = "bo says hi" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = at + 700_000, ChannelId = General, MessageId = adas[0], UserId = Bo, Emoji = "👍" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = at + 700_000, ChannelId = General, MessageId = bos, UserId = Ada, Emoji = "👍" },
        ], new FakeTimeProvider(Now));
    }

    public Task DisposeAsync() => _api.DisposeAsync().AsTask();

    [Fact]
    public async Task Hide_Member_CountedInEveryNumberButListedNowhere()
    {
        var visible = await Client.GetFromJsonAsync<JsonElement>(_summaryUrl);
        var insightsBefore = await Client.GetStringAsync($"/api/guilds/{Guild}/insights?window=7d");
        Assert.Contains(AdaName, insightsBefore, StringComparison.Ordinal);
        Assert.Contains(Ids(visible, "topMembers"), id => id == $"{Ada}");
        Assert.Contains(Ids(visible, "risingMembers"), id => id == $"{Ada}");

        using (var hide = await SetAsync("hidden"))
        {
            Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        }

        var hidden = await Client.GetFromJsonAsync<JsonElement>(_summaryUrl);
        foreach (var numbers in new[] { "totals", "previousTotals", "daily", "topChannels", "hourly", "memberGrowth", "activation" })
        {
            Assert.Equal(visible.GetProperty(numbers).GetRawText(), hidden.GetProperty(numbers).GetRawText());
        }

        Assert.Equal(4, hidden.GetProperty("totals").GetProperty("messages").GetInt64());
        Assert.Equal([$"{Bo}"], Ids(hidden, "topMembers"));
        Assert.DoesNotContain(Ids(hidden, "risingMembers"), id => id == $"{Ada}");
        var content = hidden.GetProperty("topContent").EnumerateArray().ToList();
        Assert.Equal(2, content.Count);
        var adas = Assert.Single(content, c => c.GetProperty("authorDiscordUserId").ValueKind == JsonValueKind.Null);
        Assert.Equal(1, adas.GetProperty("reactionScore").GetInt64());
        Assert.Equal(JsonValueKind.Null, adas.GetProperty("excerpt").ValueKind);
        Assert.DoesNotContain($"{Ada}", hidden.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(AdaName, hidden.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(AdaExcerpt, hidden.GetRawText(), StringComparison.Ordinal);

        foreach (var table in new[] { "members", "content" })
        {
            var csv = await Client.GetStringAsync($"/api/guilds/{Guild}/export/{table}.csv?window=7d");
            Assert.Contains(table == "members" ? "Bo" : "bo says hi", csv, StringComparison.Ordinal);
            Assert.DoesNotContain($"{Ada}", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(AdaName, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(AdaExcerpt, csv, StringComparison.Ordinal);
        }

        // Kept insights named her: they are generated again, without her.
        var insightsAfter = await Client.GetStringAsync($"/api/guilds/{Guild}/insights?window=7d");
        Assert.DoesNotContain(AdaName, insightsAfter, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Ada}", insightsAfter, StringComparison.Ordinal);

        var optedOut = await App.Services.GetRequiredService<IOptedOutMembers>().ListAsync($"{Guild}", CancellationToken.None);
        Assert.Equal([$"{Ada}"], optedOut);
    }

    [Fact]
    public async Task Visible_AfterHidden_SummaryAsBeforeHiding()
    {
        var before = await Client.GetStringAsync(_summaryUrl);
        using (var hide = await SetAsync("hidden"))
        {
            Assert.NotEqual(before, await Client.GetStringAsync(_summaryUrl));
        }

        using var show = await SetAsync("visible");

        Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        Assert.Equal(before, await Client.GetStringAsync(_summaryUrl));
        Assert.Empty(await App.Services.GetRequiredService<IOptedOutMembers>().ListAsync($"{Guild}", CancellationToken.None));
    }

    [Fact]
    public async Task Hide_Member_TheirWordsLeaveCommonKeywords_OnStoredDaysAndToday()
    {
        // Her words on a closed day (stored by the first summary) and today (read from the excerpts on every query).
        var yesterday = Now.AddDays(-1).ToUnixTimeMilliseconds();
        var note = Snowflake.FromUnixMs(yesterday);
        await App.IngestAsync([new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = yesterday, ChannelId = General, MessageId = note, UserId = Ada, Excerpt = "difference engine notes" }]);
        var visible = await KeywordsAsync();
        Assert.Equal(("engine", 4), visible[0]);
        Assert.Contains(("difference", 1), visible);
        Assert.Contains(("says", 1), visible);

        using (var hide = await SetAsync("hidden"))
        {
            Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        }

        Assert.Equal([("says", 1)], await KeywordsAsync());

        using (var show = await SetAsync("visible"))
        {
            Assert.Equal(HttpStatusCode.OK, show.StatusCode);
        }

        Assert.Equal(visible, await KeywordsAsync());
    }

    private async Task<List<(string Keyword, long Count)>> KeywordsAsync()
    {
        var summary = await Client.GetFromJsonAsync<JsonElement>(_summaryUrl);
        return [.. summary.GetProperty("supportSignals").GetProperty("commonKeywords").EnumerateArray()
            .Select(k => (k.GetProperty("keyword").GetString()!, k.GetProperty("count").GetInt64()))];
    }

    private static List<string> Ids(JsonElement summary, string list) =>
        [.. summary.GetProperty(list).EnumerateArray().Select(m => m.GetProperty("discordUserId").GetString()!)];

    private Task<HttpResponseMessage> SetAsync(string choice) =>
        Client.PutAsync($"/api/guilds/{Guild}/members/{Ada}/privacy", RequestBody.Json($$"""{ "choice": "{{choice}}" }"""));
}
