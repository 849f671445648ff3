using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Demo.Large;

/// <summary>
/// The large community has invites, so the bench times a populated Invites card: three codes (a partner link whose joiners
/// mostly leave soon, a tutorial link whose joiners stay, the vanity URL), every join attributed right after it, and
/// through the real writer and the invites query the partner's stays shorter than the tutorial's.
/// </summary>
public sealed class LargeCommunityInvitesTests
{
    private const long Start = 1_735_689_600_000; // 2025-01-01
    private const int Days = 40;

    [Fact]
    public void Activity_EveryJoin_AttributedRightAfterItOnce()
    {
        var community = new LargeCommunity(18, LargeCommunityTests.Tiny);
        var metadata = community.Metadata(Start).Where(e => e.Type == IngestEventType.InviteUpsert).Select(e => e.Invite!).ToList();
        var events = community.Activity(Start, 7).ToList();

        Assert.Equal([("pine-script-tutorial", false), ("tradersguild-partner", false), ("candlestick", true)], metadata.Select(i => (i.Code, i.IsVanity)).OrderBy(i => i.IsVanity).ThenBy(i => i.Code));
        var joins = events.Select((e, i) => (e, i)).Where(x => x.e.Type == IngestEventType.MemberAdd).ToList();
        Assert.NotEmpty(joins);
        foreach (var (join, index) in joins)
        {
            var attributed = Assert.Single(events, e => e.Type == IngestEventType.JoinAttributed && e.UserId == join.UserId);
            Assert.Equal(join.EventAt, attributed.EventAt);
            Assert.True(events.IndexOf(attributed) > index, "the attribution follows its join");
        }
    }

    [Fact]
    public async Task Query_FortyDays_PartnerBringsShortStaysTutorialLongOnes()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite);
        var community = new LargeCommunity(18, LargeCommunityTests.Tiny);
        foreach (var chunk in community.History(Start, Days).Chunk(5_000))
        {
            await store.WriteAsync(chunk);
        }

        var end = DayBucket.FromUnixMs(Start) + Days;
        var query = new AnalyticsQuery(community.GuildId, AnalyticsWindow.Between(DayBucket.ToDate(end - Days), DayBucket.ToDate(end - 1)), AnalyticsQuery.MaxTop, false);
        var invites = await new InvitesQuery(store, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DayBucket.StartMs(end)))).RunAsync(query, CancellationToken.None);

        var byCode = invites.Invites.Where(i => i.Code is not null).ToDictionary(i => i.Code!);
        Assert.Equal(["candlestick", "pine-script-tutorial", "tradersguild-partner"], byCode.Keys.Order(StringComparer.Ordinal));
        var partner = byCode["tradersguild-partner"];
        var tutorial = byCode["pine-script-tutorial"];
        Assert.All(byCode.Values, i => Assert.True(i.Joins > 0));
        Assert.True(partner.StillMembersAfterThirtyDays > 0 || tutorial.StillMembersAfterThirtyDays > 0, "some joins are 30 days old");
        Assert.True(
            (double)partner.StillMembersAfterThirtyDays / partner.Joins < (double)tutorial.StillMembersAfterThirtyDays / tutorial.Joins,
            "the partner's joiners stay less than the tutorial's");
        Assert.True((double)partner.PostedWithinSevenDays / partner.Joins < (double)tutorial.PostedWithinSevenDays / tutorial.Joins);
        Assert.Equal(
            [(community.MemberId(0).ToString(System.Globalization.CultureInfo.InvariantCulture), "member-1"), (community.MemberId(1).ToString(System.Globalization.CultureInfo.InvariantCulture), "member-2")],
            invites.Inviters.Where(i => i.InviterId is not null).Select(i => (i.InviterId!, i.InviterName!)).OrderBy(i => i.Item2, StringComparer.Ordinal));
    }
}
