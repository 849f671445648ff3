using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// The tokenless demo fills the Retention and Lurkers cards: its joiners form cohorts, some of them come back the week
/// after, and drive-by joiners and quiet members are lurkers.
/// </summary>
public sealed class DemoCohortsTests(DemoHistoryFixture history) : IClassFixture<DemoHistoryFixture>
{
    [Fact]
    public async Task History_ThroughTheWriter_CohortsWithMembersWhoCameBackAndLurkers()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite, GuildMode.Demo);
        await store.WriteInBatchesAsync(history.Events, batchSize: 2_000);
        var guild = history.Community.GuildId;
        var index = TestMemberDays.Over(store);
        // The history ends on a Monday at midnight: its two weeks are whole weeks before the current one.
        var now = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DemoHistoryFixture.To + TestDays.Hour));

        var table = (await new CohortRetentionQuery(store, index, now).RunAsync(guild, 2, includeBots: false, CancellationToken.None))!;
        var lurkers = await new LurkersQuery(store, index, new RoleHolders(store)).RunAsync(
            new AnalyticsQuery(guild, new AnalyticsWindow(WindowKind.Custom, DayBucket.FromUnixMs(DemoHistoryFixture.To) - 7, DayBucket.FromUnixMs(DemoHistoryFixture.To)), AnalyticsQuery.DefaultTop, false),
            CancellationToken.None);

        Assert.All(table.Cohorts, c => Assert.True(c.Members >= 5, $"cohort of {c.WeekStart} has {c.Members} members"));
        var firstWeek = table.Cohorts[0].Weeks[0];
        Assert.True(firstWeek.Complete);
        Assert.InRange(firstWeek.Active, 1, table.Cohorts[0].Members - 1);
        Assert.InRange(lurkers.Count, 1, lurkers.KnownMembers - 1);
    }
}
