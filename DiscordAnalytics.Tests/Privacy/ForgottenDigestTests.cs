using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>A weekly digest stored before a member is forgotten no longer names them afterwards (real app, real HTTP).</summary>
public sealed class ForgottenDigestTests
{
    private const ulong Guild = 5_252_000_000_000_000_001;
    private const ulong General = 41;
    private const ulong Ada = 867_530_912_345;
    private const ulong Bo = 8_002;
    private const string AdaName = "Ada *the* Countess";
    private const string AdaExcerpt = "notes on the engine";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Forget_DigestStoredBefore_NamesThemNoMoreAndKeepsEveryoneElse()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        var at = Now.AddDays(-2).ToUnixTimeMilliseconds();
        var adas = Snowflake.FromUnixMs(at);
        var bos = Snowflake.FromUnixMs(at + 60_000);
        await app.IngestAsync(
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Digest Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = General, Name = "general", ChannelType = ChannelTypes.Text },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = Ada, Name = AdaName },
            new() { Type = IngestEventType.MemberUpsert, GuildId = Guild, EventAt = at, UserId = Bo, Name = "Bo" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = General, MessageId = adas, UserId = Ada, Excerpt = AdaExcerpt },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at + 60_000, ChannelId = General, MessageId = bos, UserId = Bo, Excerpt = "bo was here" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = at + 120_000, ChannelId = General, MessageId = adas, UserId = Bo, Emoji = "👍" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = at + 120_000, ChannelId = General, MessageId = bos, UserId = Ada, Emoji = "👍" },
        ]);
        using var created = await client.PostAsync($"/api/guilds/{Guild}/digests", null);
        var digestId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").ToString();
        var before = await DigestTextAsync(client, digestId);
        Assert.Contains(Core.Digests.MarkdownText.Escape(AdaName), before, StringComparison.Ordinal);
        Assert.Contains(AdaExcerpt, before, StringComparison.Ordinal);

        using var forget = await client.PutAsync($"/api/guilds/{Guild}/members/{Ada}/privacy", RequestBody.Json("""{ "choice": "forgotten" }"""));

        Assert.Equal(HttpStatusCode.OK, forget.StatusCode);
        var after = await DigestTextAsync(client, digestId);
        Assert.DoesNotContain($"{Ada}", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Countess", after, StringComparison.Ordinal);
        Assert.DoesNotContain(AdaExcerpt, after, StringComparison.Ordinal);
        Assert.Contains(ForgottenDigestScrubber.ForgottenName, after, StringComparison.Ordinal);
        Assert.Contains("bo was here", after, StringComparison.Ordinal);
        Assert.Contains($"{Bo}", after, StringComparison.Ordinal);
    }

    /// <summary>The stored Markdown and summary of the digest, as plain text (not JSON-escaped).</summary>
    private static async Task<string> DigestTextAsync(HttpClient client, string digestId)
    {
        var digest = await client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/digests/{digestId}");
        return digest.GetProperty("markdown").GetString() + "\n" + JsonSerializer.Serialize(digest.GetProperty("summary"), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
