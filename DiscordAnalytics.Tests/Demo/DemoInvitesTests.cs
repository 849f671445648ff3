using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// The tokenless demo fills the Invites card: through the writer, its history credits joins to a partner link that brings
/// many short stays, a tutorial link whose members stay and post, the vanity URL, and some unknown; the live stream
/// attributes its joins too.
/// </summary>
public sealed class DemoInvitesTests
{
    [Fact]
    public async Task History_ThroughTheWriter_PartnerBringsShortStaysTutorialBringsMembersWhoStay()
    {
        const int days = 45;
        var to = DemoHistoryFixture.To;
        var community = DemoCommunity.Create(42);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite, GuildMode.Demo);
        await store.WriteInBatchesAsync(community.History(to - days * DemoRhythm.DayMs, to), batchSize: 5_000);
        var now = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(to));

        // The joins of the first two weeks: their 30 days have passed.
        var first = DayBucket.FromUnixMs(to) - days;
        var window = new AnalyticsWindow(WindowKind.Custom, first, first + 14);
        var invites = await new InvitesQuery(store, now).RunAsync(new AnalyticsQuery(community.GuildId, window, AnalyticsQuery.MaxTop, false), CancellationToken.None);

        var byCode = invites.Invites.ToDictionary(i => i.Code ?? "unknown");
        var (partner, tutorial) = (byCode[DemoInvites.Partner], byCode[DemoInvites.Tutorial]);
        Assert.True(partner.Joins > tutorial.Joins, $"partner {partner.Joins} joins, tutorial {tutorial.Joins}");
        Assert.True(
            (double)tutorial.StillMembersAfterThirtyDays / tutorial.Joins > (double)partner.StillMembersAfterThirtyDays / partner.Joins,
            $"tutorial kept {tutorial.StillMembersAfterThirtyDays}/{tutorial.Joins}, partner {partner.StillMembersAfterThirtyDays}/{partner.Joins}");
        Assert.True(byCode[DemoInvites.Vanity].IsVanity);
        Assert.True(byCode["unknown"].Joins > 0);
        Assert.NotNull(partner.InviterName);
        Assert.Contains(invites.Inviters, i => i.InviterName == partner.InviterName);
    }

    [Fact]
    public void LiveStream_Joins_EachFollowedByItsAttribution()
    {
        var community = DemoCommunity.Create(42);
        var start = DemoHistoryFixture.To;
        var simulator = new DemoLiveSimulator(community, start);
        var events = new List<IngestEvent>();
        for (var at = start; at < start + 3_600_000; at += 1_000)
        {
            events.AddRange(simulator.Advance(at, 3));
        }

        var joins = events.Where(e => e.Type == IngestEventType.MemberAdd).ToList();
        Assert.NotEmpty(joins);
        Assert.All(joins, j => Assert.Contains(events, e => e.Type == IngestEventType.JoinAttributed && e.UserId == j.UserId && e.EventAt == j.EventAt));
    }
}
