using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.WarmUp;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.WarmUp;

/// <summary>
/// The warm-up also asks the cards that follow a role for the guild's most held roles (<see cref="DashboardCalls.RoleCards"/>):
/// after it, such a role's first call counts no engagement day again, and every role-following card answers what services
/// with nothing kept answer; a role nobody holds is not warmed. Whatever roles it builds, it keeps what every role reads
/// of the guild (its joins and leaves): a role it did not build, asked first after late joins, leaves and role changes,
/// answers what fresh services answer.
/// </summary>
public abstract class KeptWindowsWarmUpRolesTests(StoreProvider provider)
{
    private const ulong G = 9_300;
    private const ulong Text = 9_301;
    private const ulong Held = 9_311;
    private const ulong Unheld = 9_312;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WarmAsync_TheMostHeldRolesFiguresBuilt_EqualToFreshReads()
    {
        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        var start = DayBucket.StartMs(today - 20);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var events = new List<IngestEvent> { Guild(G, "warmed roles", start), Channel(G, Text, "general", start), Role(G, Held, "subscribers", start), Role(G, Unheld, "nobody", start), RoleSnapshot(G, start) };
        var n = 0UL;
        for (var user = 0UL; user < 12; user++)
        {
            events.Add(user % 3 == 0 ? JoinWithRoles(G, 9_350 + user, start + (long)user * 3_600_000, Held) : Join(G, 9_350 + user, $"m{user}", start + (long)user * 3_600_000));
            for (var day = (int)user; day < 21; day += 2)
            {
                events.Add(Message(G, Text, 9_350 + user, DayBucket.StartMs(today - 20 + day) + 3_600_000, ++n));
            }
        }

        await store.WriteInBatchesAsync(events, 100);
        var time = new FakeTimeProvider(Now);
        await using var warmed = WarmUpServices.Over(store.Storage, time);
        var calls = warmed.GetRequiredService<DashboardCalls>();
        var query = new AnalyticsQuery(G, AnalyticsWindow.Last(7, today), AnalyticsQuery.DefaultTop, IncludeBots: false);
        Assert.Equal([Held], await calls.MostHeldRolesAsync(query, CancellationToken.None));

        await warmed.GetRequiredService<KeptWindowsWarmUp>().WarmAsync(G, 7, CancellationToken.None);
        var engagement = warmed.GetRequiredService<EngagementQuery>();
        var counted = engagement.DaysCounted;
        await using var fresh = WarmUpServices.Over(store.Storage, time);
        var freshCalls = fresh.GetRequiredService<DashboardCalls>();
        var role = query with { RoleId = Held };
        Assert.Equal(
            JsonSerializer.Serialize(await fresh.GetRequiredService<EngagementQuery>().RunAsync(role, CancellationToken.None)),
            JsonSerializer.Serialize(await engagement.RunAsync(role, CancellationToken.None)));
        Assert.Equal(counted, engagement.DaysCounted);
        Assert.Equal(
            JsonSerializer.Serialize(await fresh.GetRequiredService<LurkersQuery>().RunAsync(role, CancellationToken.None)),
            JsonSerializer.Serialize(await warmed.GetRequiredService<LurkersQuery>().RunAsync(role, CancellationToken.None)));
        Assert.Equal(
            JsonSerializer.Serialize(await fresh.GetRequiredService<TotalsQuery>().RunAsync(role, CancellationToken.None)),
            JsonSerializer.Serialize(await warmed.GetRequiredService<TotalsQuery>().RunAsync(role, CancellationToken.None)));
        Assert.Equal(["totals (+ previous)", "engagement", "lurkers", "top members", "member growth", "activation", "voice", "roles"], calls.RoleCards.Select(c => c.Name));
    }

    [Fact]
    public async Task WarmAsync_WithoutRoles_KeepsTheJoinsEveryRoleReads_ARoleAskedFirstAfterLateWritesEqualsFreshReads()
    {
        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        var start = DayBucket.StartMs(today - 20);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var events = new List<IngestEvent> { Guild(G, "unwarmed role", start), Channel(G, Text, "general", start), Role(G, Held, "subscribers", start), RoleSnapshot(G, start) };
        var n = 0UL;
        for (var user = 0UL; user < 9; user++)
        {
            events.Add(user % 2 == 0 ? JoinWithRoles(G, 9_370 + user, start + (long)user * 3_600_000, Held) : Join(G, 9_370 + user, $"m{user}", start + (long)user * 3_600_000));
            for (var day = (int)user; day < 21; day += 3)
            {
                events.Add(Message(G, Text, 9_370 + user, DayBucket.StartMs(today - 20 + day) + 3_600_000, ++n));
            }
        }

        await store.WriteInBatchesAsync(events, 100);
        var time = new FakeTimeProvider(Now);
        await using var warmed = WarmUpServices.Over(store.Storage, time);
        var warmUp = ActivatorUtilities.CreateInstance<KeptWindowsWarmUp>(warmed, warmed.GetRequiredService<DashboardCalls>().WithoutRoles());
        await warmUp.WarmAsync(G, 7, CancellationToken.None);
        var growth = warmed.GetRequiredService<HoldersGrowth>();
        Assert.Equal(1, growth.Reads);

        // Late: a holder leaves and comes back, a member gains the role, a new holder joins, all days ago; a message of theirs.
        var late = DayBucket.StartMs(today - 3);
        await store.WriteInBatchesAsync(
            [
                Leave(G, 9_370, late), JoinWithRoles(G, 9_370, late + 3_600_000, Held), MemberRoles(G, 9_371, late + 7_200_000, Held),
                JoinWithRoles(G, 9_390, late + 10_800_000, Held), Message(G, Text, 9_390, late + 14_400_000, ++n),
            ],
            100);
        await using var fresh = WarmUpServices.Over(store.Storage, time);
        var role = new AnalyticsQuery(G, AnalyticsWindow.Last(7, today), AnalyticsQuery.DefaultTop, IncludeBots: false) { RoleId = Held };
        foreach (var card in warmed.GetRequiredService<DashboardCalls>().RoleCards.Select(c => c.Name))
        {
            Assert.Equal(await AnswerAsync(fresh, card, role), await AnswerAsync(warmed, card, role));
        }

        Assert.Equal(2, growth.Reads);
    }

    /// <summary>What a role-following card answers, as JSON (the warm-up's calls return nothing).</summary>
    private static async Task<string> AnswerAsync(ServiceProvider services, string card, AnalyticsQuery query) => card switch
    {
        "totals (+ previous)" => JsonSerializer.Serialize((await services.GetRequiredService<TotalsQuery>().RunAsync(query, CancellationToken.None), await services.GetRequiredService<TotalsQuery>().RunPreviousAsync(query, CancellationToken.None))),
        "engagement" => JsonSerializer.Serialize(await services.GetRequiredService<EngagementQuery>().RunAsync(query, CancellationToken.None)),
        "lurkers" => JsonSerializer.Serialize(await services.GetRequiredService<LurkersQuery>().RunAsync(query, CancellationToken.None)),
        "top members" => JsonSerializer.Serialize(await services.GetRequiredService<TopMembersQuery>().RunAsync(query, MemberRanking.ByActivity, CancellationToken.None)),
        "member growth" => JsonSerializer.Serialize(await services.GetRequiredService<MemberGrowthQuery>().RunAsync(query, CancellationToken.None)),
        "activation" => JsonSerializer.Serialize(await services.GetRequiredService<NewMemberActivationQuery>().RunAsync(query, CancellationToken.None)),
        "roles" => JsonSerializer.Serialize(await services.GetRequiredService<RolesQuery>().RunAsync(query, CancellationToken.None)),
        "voice" => JsonSerializer.Serialize(await services.GetRequiredService<VoiceQuery>().RunAsync(query, [], CancellationToken.None)),
        _ => throw new ArgumentException($"No answer for the role card {card}.", nameof(card)),
    };

    public sealed class OnSqlite() : KeptWindowsWarmUpRolesTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : KeptWindowsWarmUpRolesTests(StoreProvider.Postgres);
}
