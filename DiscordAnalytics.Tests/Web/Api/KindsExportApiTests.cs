using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>Messages by kind and top emojis over real HTTP: the summary's fields and the two CSV exports.</summary>
public sealed class KindsExportApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const ulong Channel = 10, Author = 21, Reactor = 22;

    [Fact]
    public async Task SummaryAndExports_ShapedMessageAndReaction_CountedInEach()
    {
        var at = ApiAppFixture.Now.ToUnixTimeMilliseconds() - 3_600_000;
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        var message = TestEvents.Message(ApiAppFixture.Guild, Channel, Author, at, 7, "see https://a.example", shape: new MessageShape(21, 1, 0, true) { Emojis = "🎉 🎉 party:9" });
        await pipeline.WriteAsync(message, default);
        await pipeline.WriteAsync(TestEvents.Reaction(ApiAppFixture.Guild, Channel, message.MessageId!.Value, Reactor, at + 1_000, "🚀"), default);
        await pipeline.FlushAsync(default);

        var summary = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/summary?window=7d");
        var kinds = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/export/kinds.csv?window=7d");
        var emojis = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/export/emojis.csv?window=7d");
        var typed = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/export/emojis.csv?window=7d&source=messages");
        using var wrongSource = await app.Client.GetAsync($"/api/guilds/{ApiAppFixture.Guild}/export/emojis.csv?window=7d&source=votes");

        using var json = JsonDocument.Parse(summary);
        var root = json.RootElement;
        Assert.Equal("""{"messages":1,"withAttachments":1,"withLinks":1,"replies":0,"withMentions":0,"averageLength":21}""", root.GetProperty("messageKinds").GetRawText());
        Assert.Equal(0, root.GetProperty("previousMessageKinds").GetProperty("messages").GetInt64());
        var emoji = Assert.Single(root.GetProperty("topEmojis").EnumerateArray());
        Assert.Equal(("🚀", 1L), (emoji.GetProperty("emoji").GetString(), emoji.GetProperty("count").GetInt64()));
        Assert.Equal("period,messages,withAttachments,withLinks,replies,withMentions,averageLength\r\nwindow,1,1,1,0,0,21\r\nprevious,0,0,0,0,0,0\r\n", kinds);
        Assert.Equal("emoji,count\r\n🚀,1\r\n", emojis);
        Assert.Equal(
            [("🎉", 2L), ("party:9", 1L)],
            root.GetProperty("topMessageEmojis").EnumerateArray().Select(e => (e.GetProperty("emoji").GetString(), e.GetProperty("count").GetInt64())));
        Assert.Equal("emoji,count\r\n🎉,2\r\nparty:9,1\r\n", typed);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrongSource.StatusCode);
    }
}
