using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Roles;

/// <summary>
/// Ground truth for role spans: random role changes mid-window, joins, leaves and rejoins, with some observations
/// delivered late (after newer ones), written through the real writer in random batches. The test works out, by brute
/// force over the stream, who held each role on each day and how many holdings began and ended each day, and compares
/// with what the store answers.
/// </summary>
public abstract class RolesGroundTruthTests(StoreProvider provider)
{
    private const ulong G = 9_400;
    private const int Days = 10;
    private static readonly ulong[] RoleIds = [101, 102, 103];
    private static readonly DateOnly First = new(2026, 10, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Write_RandomChangesLateEventsJoinsAndLeaves_HoldersAndChangesMatchBruteForce(int seed)
    {
        var random = new Random(seed);
        var (stream, observations) = Generate(random);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await store.WriteAsync([Guild(G, "Ground truth", Start), .. RoleIds.Select(r => Role(G, r, $"role-{r}", Start))]);
        for (var i = 0; i < stream.Count;)
        {
            var size = random.Next(1, 8);
            await store.WriteAsync([.. stream.Skip(i).Take(size)]);
            i += size;
        }

        var effective = Effective(observations);
        // The kept holders (the app's singleton), one for every day asked.
        var holders = new RoleHolders(store);
        foreach (var role in RoleIds)
        {
            for (var day = 0; day < Days; day++)
            {
                var (from, to) = (Start + day * DayBucket.MillisecondsPerDay, Start + (day + 1) * DayBucket.MillisecondsPerDay);
                var expected = effective.Where(e => HeldDuring(e.Value, (long)role, from, to)).Select(e => e.Key).Order().ToList();
                var actual = (await holders.OfRoleAsync((long)G, (long)role, from, to, CancellationToken.None)).Order().ToList();
                Assert.True(expected.SequenceEqual(actual), $"seed {seed}, role {role}, day {day}: expected [{string.Join(',', expected)}], got [{string.Join(',', actual)}]");
            }
        }

        var summary = await new RolesQuery(store, TestMemberDays.Over(store), new RoleHolders(store))
            .RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Between(First, First.AddDays(Days - 1)), AnalyticsQuery.DefaultTop, IncludeBots: false), CancellationToken.None);
        var (gained, lost) = Changes(effective);
        Assert.Equal(gained, summary.Changes.Select(c => c.Gained));
        Assert.Equal(lost, summary.Changes.Select(c => c.Lost));
    }

    private static long Start => DayBucket.StartMs(DayBucket.FromDate(First));

    /// <summary>One observation of a member's roles: a snapshot or update, a join (with the roles joined with) or a leave (no roles).</summary>
    private sealed record Observation(long User, long At, long[] Roles, bool Join, int Delivered);

    /// <summary>The stream in delivery order, and every observation with its delivery position.</summary>
    private static (List<IngestEvent> Stream, List<Observation> Observations) Generate(Random random)
    {
        var planned = new List<(long User, long At, long[] Roles, string Kind)>();
        for (var user = 1L; user <= 12; user++)
        {
            var at = random.Next(2) == 0 ? Start + 60_000 : Start + random.NextInt64(DayBucket.MillisecondsPerDay * Days / 2);
            planned.Add((user, at, Pick(random), at == Start + 60_000 ? "snapshot" : "join"));
            var present = true;
            for (var change = random.Next(0, 7); change > 0; change--)
            {
                at += random.NextInt64(1, DayBucket.MillisecondsPerDay * 2);
                var roll = random.Next(10);
                if (present && roll == 0)
                {
                    planned.Add((user, at, [], "leave"));
                    present = false;
                }
                else if (!present)
                {
                    planned.Add((user, at, Pick(random), "join"));
                    present = true;
                }
                else
                {
                    planned.Add((user, at, Pick(random), "update"));
                }
            }
        }

        // Delivered in time order, except that about one in five arrives after a few newer ones (late).
        var order = planned.OrderBy(p => p.At).ToList();
        for (var i = order.Count - 1; i > 0; i--)
        {
            if (random.Next(5) == 0)
            {
                var late = order[i - 1];
                order.RemoveAt(i - 1);
                order.Insert(Math.Min(order.Count, i - 1 + random.Next(1, 4)), late);
            }
        }

        var stream = order.Select(p => p.Kind switch
        {
            "join" => JoinWithRoles(G, (ulong)p.User, p.At, [.. p.Roles.Select(r => (ulong)r)]),
            "leave" => Leave(G, (ulong)p.User, p.At),
            _ => MemberRoles(G, (ulong)p.User, p.At, [.. p.Roles.Select(r => (ulong)r)]),
        }).ToList();
        return (stream, [.. order.Select((p, i) => new Observation(p.User, p.At, p.Roles, p.Kind == "join", i))]);
    }

    private static long[] Pick(Random random) => [.. RoleIds.Where(_ => random.Next(3) == 0).Select(r => (long)r)];

    /// <summary>Per member, the observations that took effect: in delivery order, those newer than every one before them.</summary>
    private static Dictionary<long, List<Observation>> Effective(List<Observation> observations) =>
        observations.GroupBy(o => o.User).ToDictionary(g => g.Key, g =>
        {
            var taken = new List<Observation>();
            foreach (var o in g.OrderBy(o => o.Delivered))
            {
                if (taken.Count == 0 || o.At > taken[^1].At)
                {
                    taken.Add(o);
                }
            }

            return taken;
        });

    /// <summary>Whether the member held the role at some moment from <paramref name="from"/> to <paramref name="to"/> (excluded).</summary>
    private static bool HeldDuring(List<Observation> taken, long role, long from, long to)
    {
        for (var i = 0; i < taken.Count; i++)
        {
            var end = i + 1 < taken.Count ? taken[i + 1].At : long.MaxValue;
            if (taken[i].Roles.Contains(role) && taken[i].At < to && end > from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Holdings that began (not those first seen in a snapshot) and ended, per day.</summary>
    private static (int[] Gained, int[] Lost) Changes(Dictionary<long, List<Observation>> effective)
    {
        var (gained, lost) = (new int[Days], new int[Days]);
        foreach (var taken in effective.Values)
        {
            for (var i = 0; i < taken.Count; i++)
            {
                var day = DayBucket.FromUnixMs(taken[i].At) - DayBucket.FromDate(First);
                var before = i == 0 ? [] : taken[i - 1].Roles;
                if (day >= Days)
                {
                    continue;
                }

                if (i > 0 || taken[i].Join)
                {
                    gained[day] += taken[i].Roles.Count(r => !before.Contains(r));
                }

                lost[day] += before.Count(r => !taken[i].Roles.Contains(r));
            }
        }

        return (gained, lost);
    }

    public sealed class OnSqlite() : RolesGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RolesGroundTruthTests(StoreProvider.Postgres);
}
