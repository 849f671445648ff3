using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// The demo community has roles (moderators, subscribers, newcomers, bots) with realistic holders, and their holders
/// change over time: joiners are newcomers for a week, some subscribers drop out and come back month to month.
/// </summary>
public sealed class DemoRolesTests
{
    private static readonly long To = DemoHistoryFixture.To;
    private static readonly long From = To - (62 * DemoRhythm.DayMs);

    [Fact]
    public void History_RoleChanges_NewcomersSettleAndSubscriptionsChangeBetweenPeriods()
    {
        var community = DemoCommunity.Create(42);
        var events = community.History(From, To).ToList();
        var newcomers = community.Roles.Single(r => r.Name == "newcomers").Id;

        Assert.Equal(["moderators", "subscribers", "newcomers", "bots"], events.Where(e => e.Type == IngestEventType.RoleUpsert).Select(e => e.Name));
        Assert.Single(events, e => e.Type == IngestEventType.RoleSnapshot);
        Assert.All(events.Where(e => e.Type == IngestEventType.MemberAdd), e => Assert.Contains(newcomers, e.RoleIds!));
        var settled = events.Where(e => e.Type == IngestEventType.MemberUpsert && e.EventAt > From && e.RoleIds is { Count: 0 }).ToList();
        Assert.NotEmpty(settled);
        // Subscription changes happen on a period's first day, for a few founders only.
        var subscriptions = events.Where(e => e.Type == IngestEventType.MemberUpsert && e.EventAt > From && e.RoleIds is { Count: > 0 }).ToList();
        Assert.InRange(subscriptions.Count, 1, community.Members.Count / 5);
        Assert.All(subscriptions, e => Assert.Equal(0, DayBucket.FromUnixMs(e.EventAt) % DemoCommunity.SubscriptionPeriodDays));
    }

    [Fact]
    public async Task History_ThroughTheWriter_RolesCardHasEveryRoleWithHoldersAndChanges()
    {
        var community = DemoCommunity.Create(42);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite, GuildMode.Demo);
        await store.WriteInBatchesAsync(community.History(From, To), batchSize: 2_000);
        var window = new AnalyticsWindow(WindowKind.Custom, DayBucket.FromUnixMs(From), DayBucket.FromUnixMs(To));

        var roles = await new RolesQuery(store, TestMemberDays.Over(store), new RoleHolders(store))
            .RunAsync(new AnalyticsQuery(community.GuildId, window, AnalyticsQuery.DefaultTop, IncludeBots: false), CancellationToken.None);

        var byName = roles.Roles.ToDictionary(r => r.Name);
        Assert.Equal(["bots", "moderators", "newcomers", "subscribers"], byName.Keys.Order());
        Assert.Equal(community.Members.Count(m => m.IsBot), byName["bots"].Members);
        Assert.Equal(community.Members.Count(m => m.IsStaff), byName["moderators"].Members);
        Assert.True(byName["subscribers"].Members > byName["moderators"].Members, "subscribers are many, moderators few");
        Assert.True(byName["newcomers"].Members > 0 && byName["subscribers"].ActiveMembers > 0);
        Assert.True(roles.Changes.Sum(c => c.Gained) > 0 && roles.Changes.Sum(c => c.Lost) > 0);
        Assert.Equal(From, roles.ExactFrom);
    }
}
