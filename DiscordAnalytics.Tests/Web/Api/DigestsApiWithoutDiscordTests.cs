using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Tests.Digests;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>Without a bot token (demo mode, or nothing configured) there is no Discord to post to.</summary>
public sealed class DigestsApiWithoutDiscordTests
{
    [Fact]
    public async Task Post_NoDiscordConnection_Is409ThatSaysSoAndKeepsTheDraft()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(DigestWorld.Now));
        using var client = app.CreateApiClient();
        await DigestsApiTests.SeedAsync(app);
        using var generated = await client.PostAsync($"/api/guilds/{DigestWorld.Guild}/digests", null);
        var id = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var response = await client.PostAsync($"/api/guilds/{DigestWorld.Guild}/digests/{id}/post", RequestBody.Json($$"""{"channelId":"{{DigestWorld.General}}"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Demo mode: there is no Discord server to post to.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var digest = await client.GetFromJsonAsync<JsonElement>($"/api/guilds/{DigestWorld.Guild}/digests/{id}");
        Assert.Equal("draft", digest.GetProperty("status").GetString());
    }
}
