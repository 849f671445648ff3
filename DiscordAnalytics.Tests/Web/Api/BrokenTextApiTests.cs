using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// Text that is not valid UTF-16 (lone surrogate halves) or carries NUL, from any source, through the writer and the
/// API. The store holds UTF-8, so a lone half becomes U+FFFD on the way in (Microsoft.Data.Sqlite's encoding): the
/// store, and therefore the API, never hands out broken UTF-16. This pins that guarantee.
/// </summary>
public sealed class BrokenTextApiTests
{
    private const ulong Guild = 6_800_000_000_000_000_001;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ingest_LoneSurrogatesAndNul_StoredWellFormedAndServedAsJson()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        var at = Now.AddHours(-1).ToUnixTimeMilliseconds();
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        foreach (var e in new[]
        {
            TestEvents.Guild(Guild, "lone \uD800 high", at - 1_000),
            TestEvents.Channel(Guild, 10, "lone \uDC00 low\0nul", at - 1_000),
            TestEvents.Member(Guild, 20, "\uDFFFstarts low", at - 1_000),
            TestEvents.Message(Guild, 10, 20, at, 1, "ends high \uD83D"),
            TestEvents.Reaction(Guild, 10, TestEvents.MessageId(at, 1), 21, at + 1),
        })
        {
            await pipeline.WriteAsync(e, default);
        }

        await pipeline.FlushAsync(default);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal("lone \uFFFD high", (await db.Guilds.SingleAsync()).Name);
            Assert.Equal("lone \uFFFD low\0nul", (await db.Channels.SingleAsync()).Name);
            Assert.Equal("\uFFFDstarts low", (await db.Members.SingleAsync(m => m.UserId == 20)).DisplayName);
            Assert.Equal("ends high \uFFFD", (await db.MessageFacts.SingleAsync()).Excerpt);
        }

        using var response = await client.GetAsync($"/api/guilds/{Guild}/summary?window=7d");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("lone \uFFFD low\0nul", summary.GetProperty("topChannels")[0].GetProperty("name").GetString());
        Assert.Equal("ends high \uFFFD", summary.GetProperty("topContent")[0].GetProperty("excerpt").GetString());
        using var csv = await client.GetAsync($"/api/guilds/{Guild}/export/members.csv?window=7d");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }
}
