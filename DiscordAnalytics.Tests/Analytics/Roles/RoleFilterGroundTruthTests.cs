using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Roles;

/// <summary>
/// Ground truth for <c>roleId=</c> on engagement (DAU/WAU/MAU), lurkers, member growth (and the totals' joins and leaves) and voice minutes: 40 random days
/// of role changes mid-window, joins, leaves and rejoins, posts and voice sessions, written through the real writer in
/// random batches. The test works out by brute force over the same events who held each role in the window (and in
/// the previous one) and what those members did, and compares with what the queries answer.
/// </summary>
public abstract class RoleFilterGroundTruthTests(StoreProvider provider)
{
    private const ulong G = 9_700;
    private const ulong Text = 9_701;
    private const ulong Mods = 9_711;
    private const ulong Subs = 9_712;
    private const int Days = 40;
    private const int WindowDays = 10;
    private const int Users = 14;
    private const long MinuteMs = 60_000;
    private static readonly DateOnly First = new(2026, 9, 1);

    private static long Start => DayBucket.StartMs(DayBucket.FromDate(First));

    private static long DayStart(int day) => Start + day * DayBucket.MillisecondsPerDay;

    /// <summary>After the window's end: the previous window is compared whole.</summary>
    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(DayStart(Days) + 3_600_000);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Run_RoleChangesMidWindow_EngagementLurkersGrowthAndVoiceAreTheHoldersOnly(int seed)
    {
        var random = new Random(seed);
        var history = Generate(random);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(
            [
                Guild(G, "Role filter", Start), Channel(G, Text, "general", Start),
                Role(G, Mods, "moderators", Start), Role(G, Subs, "subscribers", Start),
                .. Enumerable.Range(1, Users).Select(u => Channel(G, VoiceChannel(u), $"voice-{u}", Start, ChannelTypes.Voice)),
            ]);
        var stream = history.Events.OrderBy(e => e.At).Select(e => e.Event).ToList();
        for (var i = 0; i < stream.Count;)
        {
            var size = random.Next(1, 30);
            await store.WriteAsync([.. stream.Skip(i).Take(size)]);
            i += size;
        }

        var time = new FakeTimeProvider(Now);
        var memberDays = TestMemberDays.Over(store);
        var window = AnalyticsWindow.Between(First.AddDays(Days - WindowDays), First.AddDays(Days - 1));
        var (startAt, endAt) = (DayStart(Days - WindowDays), DayStart(Days));
        var (previousAt, previousEnd) = (DayStart(Days - 2 * WindowDays), startAt);
        var partial = false;
        foreach (var role in new[] { Mods, Subs })
        {
            var query = new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false) { RoleId = role };
            var holders = history.HoldersOf((long)role, startAt, endAt);
            var previousHolders = history.HoldersOf((long)role, previousAt, previousEnd);
            var because = $"seed {seed}, role {role}, holders [{string.Join(',', holders.Order())}]";
            Assert.True(holders.Count > 0, because);
            partial |= holders.Count < history.RoleLists.Select(r => r.User).Distinct().Count();

            var engagement = await new EngagementQuery(memberDays, new RoleHolders(store)).RunAsync(query, CancellationToken.None);
            Assert.Equal(ExpectedEngagement(history, holders), engagement.Daily.Select(d => (d.Dau, d.Wau, d.Mau)));

            var lurkers = await new LurkersQuery(store, memberDays, new RoleHolders(store)).RunAsync(query, CancellationToken.None);
            Assert.Equal(ExpectedLurkers(history, holders, startAt, endAt), lurkers);

            var growth = await new MemberGrowthQuery(store, time, new HoldersGrowth(store, new RoleHolders(store))).RunAsync(query, CancellationToken.None);
            Assert.Equal(
                Enumerable.Range(Days - WindowDays, WindowDays).Select(d => (Joins: history.Count(holders, "join", DayStart(d), DayStart(d + 1)), Leaves: history.Count(holders, "leave", DayStart(d), DayStart(d + 1)))),
                growth.Daily.Select(d => (d.Joins, d.Leaves)));
            Assert.Equal(history.Count(previousHolders, "join", previousAt, previousEnd), growth.PreviousJoins);
            Assert.Equal(history.Count(previousHolders, "leave", previousAt, previousEnd), growth.PreviousLeaves);

            // The Totals card's joins and leaves under the filter: the holders' too, now and in the previous window.
            var totalsQuery = new TotalsQuery(store, TestChannelDays.Over(store), memberDays, time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store)));
            var totals = await totalsQuery.RunAsync(query, CancellationToken.None);
            Assert.Equal((history.Count(holders, "join", startAt, endAt), history.Count(holders, "leave", startAt, endAt)), (totals.Joins, totals.Leaves));
            var previousTotals = (await totalsQuery.RunPreviousAsync(query, CancellationToken.None)).Totals;
            Assert.Equal(
                (history.Count(previousHolders, "join", previousAt, previousEnd), history.Count(previousHolders, "leave", previousAt, previousEnd)),
                (previousTotals.Joins, previousTotals.Leaves));

            var voice = await new VoiceQuery(store, time).RunAsync(query, [], CancellationToken.None);
            Assert.Equal(history.VoiceMs(holders, startAt, endAt) / MinuteMs, voice.Minutes);
            Assert.Equal(history.VoiceMs(previousHolders, previousAt, previousEnd) / MinuteMs, voice.PreviousMinutes);
            Assert.All(voice.TopChannels, c => Assert.Contains((long)User((int)(ulong.Parse(c.ChannelId, System.Globalization.CultureInfo.InvariantCulture) - VoiceChannel(0))), holders));
        }

        Assert.True(partial, $"seed {seed}: some members held neither role in the window");

        // Without the filter: everyone (the filtered figures above are not the guild's by accident).
        var all = await new VoiceQuery(store, time).RunAsync(new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false), [], CancellationToken.None);
        Assert.Equal(history.VoiceMs([.. Enumerable.Range(1, Users).Select(u => (long)User(u))], startAt, endAt) / MinuteMs, all.Minutes);
    }

    private static ulong User(int n) => 9_800 + (ulong)n;

    private static ulong VoiceChannel(int n) => 9_900 + (ulong)n;

    private static IEnumerable<(long Dau, long Wau, long Mau)> ExpectedEngagement(History history, HashSet<long> holders)
    {
        long Active(int from, int to) => holders.Count(u => history.Posts.Any(p => p.User == u && p.Day >= from && p.Day <= to));
        return Enumerable.Range(Days - WindowDays, WindowDays).Select(d => (Active(d, d), Active(d - 6, d), Active(d - 29, d))).ToList();
    }

    /// <summary>The lurkers card's definition, by brute force: a member row (latest join, latest leave) is present when a stay it tells of overlaps the window.</summary>
    private static LurkerCount ExpectedLurkers(History history, HashSet<long> holders, long startAt, long endAt)
    {
        var (present, known) = (0L, 0L);
        var lurkers = 0L;
        foreach (var user in holders)
        {
            var joined = history.Membership.Where(m => m.User == user && m.Kind == "join").Select(m => (long?)m.At).Max();
            var left = history.Membership.Where(m => m.User == user && m.Kind == "leave").Select(m => (long?)m.At).Max();
            var isPresent = ((left is null || joined > left) && (joined is null || joined < endAt))
                || (left is { } l && l > startAt && (joined is null || joined > l || joined < endAt));
            var isActive = history.Posts.Any(p => p.User == user && p.At >= startAt && p.At < endAt);
            present += isPresent ? 1 : 0;
            known += isPresent || isActive ? 1 : 0;
            lurkers += isPresent && !isActive ? 1 : 0;
        }

        return new LurkerCount(lurkers, known == 0 ? null : Math.Round((double)lurkers / known, 3), known);
    }

    private sealed record Post(long User, long At)
    {
        public int Day => (int)((At - Start) / DayBucket.MillisecondsPerDay);
    }

    /// <summary>A join, a leave or a snapshot of the member list ("snapshot", no join time).</summary>
    private sealed record Membership(long User, long At, string Kind);

    /// <summary>Everything generated: the events to write and what they mean, in time order per member.</summary>
    private sealed class History
    {
        public List<(long At, IngestEvent Event)> Events { get; } = [];

        public List<Post> Posts { get; } = [];

        public List<Membership> Membership { get; } = [];

        /// <summary>Each member's role lists from when they took effect (a leave: none).</summary>
        public List<(long User, long At, long[] Roles)> RoleLists { get; } = [];

        public List<(long User, long From, long To)> VoiceSessions { get; } = [];

        public HashSet<long> HoldersOf(long role, long from, long to) =>
        [
            .. RoleLists.GroupBy(r => r.User).Where(g =>
            {
                var lists = g.OrderBy(r => r.At).ToList();
                return lists.Where((r, i) => r.Roles.Contains(role) && r.At < to && (i + 1 < lists.Count ? lists[i + 1].At : long.MaxValue) > from).Any();
            }).Select(g => g.Key),
        ];

        public long Count(HashSet<long> users, string kind, long from, long to) =>
            Membership.Count(m => users.Contains(m.User) && m.Kind == kind && m.At >= from && m.At < to);

        public long VoiceMs(HashSet<long> users, long from, long to) =>
            VoiceSessions.Where(s => users.Contains(s.User)).Sum(s => Math.Max(0, Math.Min(s.To, to) - Math.Max(s.From, from)));
    }

    private static History Generate(Random random)
    {
        var history = new History();
        var messages = 0UL;
        for (var n = 1; n <= Users; n++)
        {
            var (user, id) = ((long)User(n), User(n));
            var present = random.Next(3) != 0;
            var busyUntil = Start;
            if (present)
            {
                var roles = Pick(random);
                history.Events.Add((Start + 60_000, MemberRoles(G, id, Start + 60_000, Ids(roles))));
                history.RoleLists.Add((user, Start + 60_000, roles));
                history.Membership.Add(new Membership(user, Start + 60_000, "snapshot"));
            }

            for (var day = 0; day < Days; day++)
            {
                foreach (var at in Enumerable.Range(0, random.Next(0, 4)).Select(_ => DayStart(day) + random.NextInt64(120_000, DayBucket.MillisecondsPerDay)).Order())
                {
                    if (at < busyUntil)
                    {
                        continue;
                    }

                    var roll = random.Next(20);
                    if (!present)
                    {
                        if (roll < 3)
                        {
                            var roles = Pick(random);
                            history.Events.Add((at, JoinWithRoles(G, id, at, Ids(roles))));
                            history.RoleLists.Add((user, at, roles));
                            history.Membership.Add(new Membership(user, at, "join"));
                            present = true;
                        }
                    }
                    else if (roll == 0)
                    {
                        history.Events.Add((at, Leave(G, id, at)));
                        history.RoleLists.Add((user, at, []));
                        history.Membership.Add(new Membership(user, at, "leave"));
                        present = false;
                    }
                    else if (roll < 2)
                    {
                        var roles = Pick(random);
                        history.Events.Add((at, MemberRoles(G, id, at, Ids(roles))));
                        history.RoleLists.Add((user, at, roles));
                    }
                    else if (roll < 6)
                    {
                        // Alone in their own channel, sometimes past midnight: voice minutes, never "active".
                        var end = at + random.NextInt64(1, 240) * MinuteMs + random.Next(60_000);
                        if (end >= DayStart(Days))
                        {
                            continue;
                        }

                        history.Events.Add((at, Voice(G, id, VoiceChannel(n), at)));
                        history.Events.Add((end, Voice(G, id, null, end)));
                        history.VoiceSessions.Add((user, at, end));
                        busyUntil = end + 1;
                    }
                    else
                    {
                        history.Events.Add((at, Message(G, Text, id, at, ++messages % 1000)));
                        history.Posts.Add(new Post(user, at));
                    }
                }
            }
        }

        return history;
    }

    private static long[] Pick(Random random) => [.. new[] { Mods, Subs }.Where(_ => random.Next(2) == 0).Select(r => (long)r)];

    private static ulong[] Ids(long[] roles) => [.. roles.Select(r => (ulong)r)];

    public sealed class OnSqlite() : RoleFilterGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RoleFilterGroundTruthTests(StoreProvider.Postgres);
}
