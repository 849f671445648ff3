using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Cohorts;

/// <summary>
/// Which weeks each cohort member was active in (a bit per week from the first cohort's), kept for one guild, number of
/// cohorts and bots rule with the member-day version of every day it was counted at. A reload whose days moved on only
/// through commits the member days took follows the days' flip logs (<see cref="MemberDay.FlipsSince"/>): each cohort member
/// whose being active on a day flipped has that day's week counted again (at most seven days of theirs), so a live event
/// costs the members it flipped, not the weeks' members. New joins (another cohort list), another span of days (a new UTC
/// day) or a day whose log does not reach back count everything again. Used under the member days' guild gate only.
/// </summary>
internal sealed class KeptActiveWeeks
{
    private const int DaysPerWeek = 7;

    private CohortJoins? _joins;
    private int _start;
    private long[] _versions = [];
    private int[] _weeks = [];

    /// <summary>Times every cohort member's days were counted again (what the tests hold the flip path to).</summary>
    public long Counts { get; private set; }

    /// <summary>A copy of each cohort member's week bits over days <paramref name="start"/> to <paramref name="end"/> (excluded), all held.</summary>
    public int[] Read(GuildMemberDays guild, CohortJoins joins, int start, int end, bool bots)
    {
        if (!ReferenceEquals(joins, _joins) || start != _start || end - start != _versions.Length || !Follow(guild, bots))
        {
            Count(guild, joins, start, end, bots);
        }

        return (int[])_weeks.Clone();
    }

    private void Count(GuildMemberDays guild, CohortJoins joins, int start, int end, bool bots)
    {
        (_joins, _start, _versions, _weeks) = (joins, start, new long[end - start], new int[joins.CohortOf.Count]);
        Counts++;
        // Dense member index to slot + 1 (0: not in a cohort); a member never active has no index at all.
        var slot = new int[guild.MemberCount];
        for (var i = 0; i < joins.CohortOf.Count; i++)
        {
            if (guild.TryIndexOf(joins.CohortOf[i].User, out var member))
            {
                slot[member] = i + 1;
            }
        }

        for (var day = start; day < end; day++)
        {
            if (guild.Day(day) is not { } held)
            {
                _versions[day - start] = -1;
                continue;
            }

            _versions[day - start] = held.Version;
            var bit = 1 << Week(day);
            for (var i = 0; i < held.Count; i++)
            {
                var member = held.MemberAt(i);
                if (member < slot.Length && slot[member] > 0 && held.IsActiveAt(i, bots))
                {
                    _weeks[slot[member] - 1] |= bit;
                }
            }
        }
    }

    /// <summary>Brings the bits up to the held days through their flip logs; false when one cannot be followed.</summary>
    private bool Follow(GuildMemberDays guild, bool bots)
    {
        var changed = new HashSet<(int Slot, int Week)>();
        for (var i = 0; i < _versions.Length; i++)
        {
            if (guild.Day(_start + i) is not { } held)
            {
                return false;
            }

            if (held.Version == _versions[i])
            {
                continue;
            }

            if (!held.FlipsSince(_versions[i], out var flips))
            {
                return false;
            }

            foreach (var flip in flips)
            {
                if (flip.Before(bots) != flip.After(bots) && _joins!.SlotOf.TryGetValue(guild.UserAt(flip.Member), out var slot))
                {
                    changed.Add((slot, Week(_start + i)));
                }
            }
        }

        foreach (var (slot, week) in changed)
        {
            var active = guild.TryIndexOf(_joins!.CohortOf[slot].User, out var member) && ActiveIn(guild, member, week, bots);
            _weeks[slot] = active ? _weeks[slot] | (1 << week) : _weeks[slot] & ~(1 << week);
        }

        for (var i = 0; i < _versions.Length; i++)
        {
            _versions[i] = guild.Day(_start + i)!.Version;
        }

        return true;
    }

    /// <summary>Whether the member was active on one of the week's days that are counted.</summary>
    private bool ActiveIn(GuildMemberDays guild, int member, int week, bool bots)
    {
        var first = DayBucket.FromDate(_joins!.First) + (week * DaysPerWeek);
        for (var day = Math.Max(first, _start); day < Math.Min(first + DaysPerWeek, _start + _versions.Length); day++)
        {
            if (guild.Day(day)!.CountsActive(member, bots))
            {
                return true;
            }
        }

        return false;
    }

    private int Week(int day) => (DayBucket.ToDate(day).DayNumber - _joins!.First.DayNumber) / DaysPerWeek;
}
