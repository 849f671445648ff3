using System.Runtime.CompilerServices;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// One guild's stored raw joins and leaves as read at one stored version (<c>memberEventVersions</c>), replayed per
/// member into the ones that count: in time order (a join before a leave at the same time), every join counts and a
/// leave counts when the member was present (never seen leaving, or joined since), so a leave counts once per stay, as
/// the rollups count it. Whether an event counts depends only on the member's earlier events, never on a window, so it
/// is worked out once per version, with and without bots' events. Never changed once made: a newer version replaces it
/// whole, so a reader holding it finishes with what it read.
/// </summary>
internal sealed class HeldJoinsAndLeaves
{
    private readonly Dictionary<long, Counted[]> _everyone;
    private readonly Dictionary<long, Counted[]> _humans;

    /// <summary>
    /// The counted times of a holder set's members, sorted, made once per set (holder sets are shared while their spans
    /// stand, <see cref="HeldRoleSpans.Holders"/>): a window is then two binary searches, whatever its holders.
    /// </summary>
    private readonly ConditionalWeakTable<HashSet<long>, HolderTimes> _everyoneOf = new();
    private readonly ConditionalWeakTable<HashSet<long>, HolderTimes> _humansOf = new();

    /// <param name="rows">Every stored join and leave of the guild, in any order.</param>
    public HeldJoinsAndLeaves(long version, IEnumerable<Row> rows)
    {
        Version = version;
        (_everyone, _humans) = ([], []);

        // One sort by member, then time (a join before a leave at the same time), and each member's run replayed in place.
        var sorted = rows.ToArray();
        Array.Sort(sorted, static (a, b) => a.User != b.User ? a.User.CompareTo(b.User) : a.At != b.At ? a.At.CompareTo(b.At) : b.Join.CompareTo(a.Join));
        for (var from = 0; from < sorted.Length;)
        {
            var to = from + 1;
            while (to < sorted.Length && sorted[to].User == sorted[from].User)
            {
                to++;
            }

            var member = new ArraySegment<Row>(sorted, from, to - from);
            if (Replay(member, bots: true) is { Length: > 0 } everyone)
            {
                _everyone[sorted[from].User] = everyone;
            }

            if (Replay(member, bots: false) is { Length: > 0 } humans)
            {
                _humans[sorted[from].User] = humans;
            }

            from = to;
        }
    }

    /// <summary>The stored version the joins and leaves equal.</summary>
    public long Version { get; }

    /// <summary>
    /// The joins and leaves of <paramref name="holders"/> per day of days [<paramref name="start"/>, <paramref name="end"/>),
    /// and those of <paramref name="previousHolders"/> in the previous window <paramref name="span"/>.
    /// </summary>
    public MemberGrowth Growth(HashSet<long> holders, int start, int end, HashSet<long> previousHolders, ComparisonWindow span, bool bots)
    {
        var current = TimesOf(holders, bots);
        var daily = new List<MemberGrowthDay>(Math.Max(0, end - start));
        for (var day = start; day < end; day++)
        {
            var (from, to) = (DayBucket.StartMs(day), DayBucket.StartMs(day + 1));
            var (joins, leaves) = (Count(current.Joins, from, to), Count(current.Leaves, from, to));
            daily.Add(new MemberGrowthDay(DayBucket.ToDate(day), joins, leaves, joins - leaves));
        }

        var previous = TimesOf(previousHolders, bots);
        var (previousJoins, previousLeaves) = (Count(previous.Joins, span.StartAt, span.EndAt), Count(previous.Leaves, span.StartAt, span.EndAt));
        var (totalJoins, totalLeaves) = (daily.Sum(d => d.Joins), daily.Sum(d => d.Leaves));
        return new MemberGrowth(
            totalJoins, totalLeaves, totalJoins - totalLeaves,
            previousJoins, previousLeaves, previousJoins - previousLeaves,
            daily);
    }

    private HolderTimes TimesOf(HashSet<long> holders, bool bots)
    {
        var (table, counted) = bots ? (_everyoneOf, _everyone) : (_humansOf, _humans);
        return table.GetValue(holders, set =>
        {
            // Whichever is fewer is visited: the holders (a small role), or the members with joins or leaves (a large one).
            var (joins, leaves) = (new List<long>(), new List<long>());
            void Add(Counted[] events)
            {
                foreach (var e in events)
                {
                    (e.Join ? joins : leaves).Add(e.At);
                }
            }

            if (set.Count <= counted.Count)
            {
                foreach (var user in set)
                {
                    if (counted.TryGetValue(user, out var events))
                    {
                        Add(events);
                    }
                }
            }
            else
            {
                foreach (var (user, events) in counted)
                {
                    if (set.Contains(user))
                    {
                        Add(events);
                    }
                }
            }

            joins.Sort();
            leaves.Sort();
            return new HolderTimes([.. joins], [.. leaves]);
        });
    }

    /// <summary>How many of the sorted <paramref name="times"/> lie in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static long Count(long[] times, long from, long to) => to <= from ? 0 : FirstAtOrAfter(times, to) - FirstAtOrAfter(times, from);

    private static int FirstAtOrAfter(long[] times, long at)
    {
        var (low, high) = (0, times.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = times[middle] < at ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>The member's events that count, in time order (<paramref name="bots"/>: a bot's too).</summary>
    private static Counted[] Replay(ArraySegment<Row> ordered, bool bots)
    {
        var counted = new List<Counted>(ordered.Count);
        var present = true;
        foreach (var e in ordered)
        {
            if (!bots && e.IsBot)
            {
                continue;
            }

            if (e.Join || present)
            {
                counted.Add(new Counted(e.At, e.Join));
            }

            present = e.Join;
        }

        return [.. counted];
    }

    /// <summary>One stored join (<see cref="Join"/>) or leave of a member at <see cref="At"/> (its key time), epoch ms.</summary>
    internal readonly record struct Row(long User, long At, bool Join, bool IsBot);

    private readonly record struct Counted(long At, bool Join);

    private sealed record HolderTimes(long[] Joins, long[] Leaves);
}
