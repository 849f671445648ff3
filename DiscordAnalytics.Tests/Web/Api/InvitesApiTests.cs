using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>Invites over real HTTP: the summary's <c>invites</c>, <c>inviters</c> and <c>invitesStatus</c>, and invites.csv.</summary>
public sealed class InvitesApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const ulong Alice = 31, Carol = 33, Dave = 34, Erin = 35;

    [Fact]
    public async Task SummaryAndExport_AttributedJoins_RankedWithInviterAndUnknown()
    {
        var at = ApiAppFixture.Now.ToUnixTimeMilliseconds() - 3_600_000;
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        IngestEvent[] events =
        [
            TestEvents.Member(ApiAppFixture.Guild, Alice, "alice", at - 10_000),
            TestEvents.InvitesStatus(ApiAppFixture.Guild, InvitesStatuses.Ok, at - 10_000),
            TestEvents.Invite(ApiAppFixture.Guild, "tutorial", Alice, 2, at - 10_000),
            TestEvents.Join(ApiAppFixture.Guild, Carol, "carol", at),
            TestEvents.Attributed(ApiAppFixture.Guild, Carol, "tutorial", at),
            TestEvents.Join(ApiAppFixture.Guild, Dave, "dave", at + 1_000),
            TestEvents.Attributed(ApiAppFixture.Guild, Dave, "tutorial", at + 1_000),
            TestEvents.Join(ApiAppFixture.Guild, Erin, "erin", at + 2_000),
            TestEvents.Attributed(ApiAppFixture.Guild, Erin, null, at + 2_000),
            TestEvents.Message(ApiAppFixture.Guild, 10, Dave, at + 60_000, 9, "hello"),
        ];
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, default);
        }

        await pipeline.FlushAsync(default);

        var summary = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/summary?window=7d");
        var csv = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/export/invites.csv?window=7d");

        using var json = JsonDocument.Parse(summary);
        var root = json.RootElement;
        Assert.Equal(
            """[{"code":"tutorial","inviterId":"31","inviterName":"alice","isVanity":false,"joins":2,"postedWithinSevenDays":1,"stillMembersAfterThirtyDays":0},{"code":null,"inviterId":null,"inviterName":null,"isVanity":false,"joins":1,"postedWithinSevenDays":0,"stillMembersAfterThirtyDays":0}]""",
            root.GetProperty("invites").GetRawText());
        Assert.Equal("""[{"inviterId":"31","inviterName":"alice","joins":2,"postedWithinSevenDays":1,"stillMembersAfterThirtyDays":0}]""", root.GetProperty("inviters").GetRawText());
        Assert.Equal("ok", root.GetProperty("invitesStatus").GetProperty("state").GetString());
        Assert.Equal(
            "code,inviterId,inviterName,isVanity,joins,postedWithinSevenDays,stillMembersAfterThirtyDays\r\ntutorial,31,alice,false,2,1,0\r\nunknown,,,false,1,0,0\r\n",
            csv);
    }
}
