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
        foreach (var member in rows.GroupBy(r => r.User))
        {
            var ordered = member.OrderBy(r => r.At).ThenBy(r => r.Join ? 0 : 1).ToList();
            if (Replay(ordered) is { Length: > 0 } everyone)
            {
                _everyone[member.Key] = everyone;
            }

            if (Replay(ordered.Where(r => !r.IsBot)) is { Length: > 0 } humans)
            {
                _humans[member.Key] = humans;
            }
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
            var (joins, leaves) = (new List<long>(), new List<long>());
            foreach (var user in set)
            {
                foreach (var e in counted.GetValueOrDefault(user) ?? [])
                {
                    (e.Join ? joins : leaves).Add(e.At);
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

    /// <summary>The member's events that count, in time order.</summary>
    private static Counted[] Replay(IEnumerable<Row> ordered)
    {
        var counted = new List<Counted>();
        var present = true;
        foreach (var e in ordered)
        {
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
