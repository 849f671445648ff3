using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// UTC-day streaks (<see cref="StreakCounter"/>) without counting a guild's days on every call: each member's state after
/// every settled day (those before yesterday: its last streak day, the run that ends there, its longest run) is kept per
/// guild, first day counted (a window reaching back before the guild's first day starts there), streak rules and bots,
/// with the version of every day it was counted from; a call adds yesterday's and today's entries to it, member by member
/// as asked. While none of the settled days moved (a late event, an edit, a delete, a forget steps a day's version), a
/// live change to today or yesterday (a reaction to yesterday's message, a message of the last minutes before midnight)
/// costs nothing here; a moved settled day, or a new today, counts the held days again (in memory, no store read). Only a
/// member counted yesterday or today has a current streak, so the streak ranking visits those two days' entries, never
/// every member. Used under the guild's member-days gate, like the days it reads.
/// </summary>
internal sealed class KeptStreaks
{
    private readonly ConcurrentDictionary<(long Guild, int First, bool Messages, bool Reactions, bool Voice, bool Bots), Before> _kept = new();
    private long _counts;

    /// <summary>How many times the days before today were counted (what the tests hold the versions to).</summary>
    public long Counts => Interlocked.Read(ref _counts);

    /// <summary>
    /// Each member's (by dense index) current and longest streak over days <paramref name="first"/> to
    /// <paramref name="today"/> (included), exactly as <see cref="StreakCounter.Count"/> counts them.
    /// </summary>
    public Streaks Count(GuildMemberDays guild, long guildId, int first, int today, LeaderboardRules rules, bool bots)
    {
        var key = (guildId, first, rules.StreakMessages, rules.StreakReactions, rules.StreakVoice, bots);
        var settled = Math.Max(first, today - 1);
        if (!_kept.TryGetValue(key, out var before) || !before.IsCurrent(guild, first, settled))
        {
            before = Before.Count(guild, first, settled, rules, bots);
            _kept[key] = before;
            Interlocked.Increment(ref _counts);
        }

        return new Streaks(before, guild, settled, today, rules, bots);
    }

    /// <summary>Streaks of one call: the kept state of the settled days plus the recent days (yesterday and today) as they are now.</summary>
    internal readonly struct Streaks(Before before, GuildMemberDays guild, int settled, int today, LeaderboardRules rules, bool bots)
    {
        public (int Current, int Longest) Of(int member)
        {
            var (last, run, longest) = before.Of(member);
            for (var day = settled; day <= today; day++)
            {
                if (Counted(day, member))
                {
                    run = last == day - 1 ? run + 1 : 1;
                    last = day;
                    longest = Math.Max(longest, run);
                }
            }

            return (last >= today - 1 ? run : 0, longest);
        }

        /// <summary>
        /// The members with a current streak, each once, with it: those counted today, then those counted yesterday and not
        /// today (a streak day before yesterday alone ends the run). One lookup per entry of the two days.
        /// </summary>
        public IEnumerable<(int Member, int Current, int Longest)> Current()
        {
            var yesterday = today - 1;
            var todayHeld = today >= settled ? guild.Day(today) : null;
            for (var i = 0; i < (todayHeld?.Count ?? 0); i++)
            {
                if (Counts(todayHeld!, i))
                {
                    var member = todayHeld!.MemberAt(i);
                    var (current, longest) = Of(member);
                    yield return (member, current, longest);
                }
            }

            var yesterdayHeld = yesterday >= settled ? guild.Day(yesterday) : null;
            for (var i = 0; i < (yesterdayHeld?.Count ?? 0); i++)
            {
                var member = yesterdayHeld!.MemberAt(i);
                if (Counts(yesterdayHeld, i) && !(todayHeld is not null && todayHeld.TryPosition(member, out var at) && Counts(todayHeld, at)))
                {
                    var (last, run, longest) = before.Of(member);
                    run = last == yesterday - 1 ? run + 1 : 1;
                    yield return (member, run, Math.Max(longest, run));
                }
            }
        }

        private bool Counted(int day, int member) =>
            guild.Day(day) is { } held && held.TryPosition(member, out var at) && Counts(held, at);

        private bool Counts(MemberDay held, int at) => (bots || !held.IsBotAt(at)) && StreakCounter.Counts(held, at, rules);
    }

    /// <summary>Every member's state after the days from the first to the last settled one, and the versions they were counted at.</summary>
    internal sealed class Before
    {
        private readonly int[] _last;
        private readonly int[] _run;
        private readonly int[] _longest;
        private readonly int _first;
        private readonly int _end;

        /// <summary>Each day's version from the first on (-1: not held).</summary>
        private readonly long[] _versions;

        private Before(int members, int first, int end)
        {
            (_last, _run, _longest) = (new int[members], new int[members], new int[members]);
            Array.Fill(_last, int.MinValue);
            (_first, _end) = (first, end);
            _versions = new long[Math.Max(0, end - first)];
        }

        /// <summary>Counts days <paramref name="first"/> to <paramref name="end"/> (excluded).</summary>
        public static Before Count(GuildMemberDays guild, int first, int end, LeaderboardRules rules, bool bots)
        {
            var state = new Before(guild.MemberCount, first, end);
            for (var day = first; day < end; day++)
            {
                if (guild.Day(day) is not { } held)
                {
                    state._versions[day - first] = -1;
                    continue;
                }

                state._versions[day - first] = held.Version;
                for (var i = 0; i < held.Count; i++)
                {
                    if ((!bots && held.IsBotAt(i)) || !StreakCounter.Counts(held, i, rules))
                    {
                        continue;
                    }

                    var member = held.MemberAt(i);
                    state._run[member] = state._last[member] == day - 1 ? state._run[member] + 1 : 1;
                    state._last[member] = day;
                    state._longest[member] = Math.Max(state._longest[member], state._run[member]);
                }
            }

            return state;
        }

        /// <summary>True while it covers the same days and every one of them is at the version it was counted at.</summary>
        public bool IsCurrent(GuildMemberDays guild, int first, int end)
        {
            if (first != _first || end != _end)
            {
                return false;
            }

            for (var i = 0; i < _versions.Length; i++)
            {
                if ((guild.Day(first + i)?.Version ?? -1) != _versions[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A member indexed after it was counted has no settled streak day (any would have moved a day's version).</summary>
        public (int Last, int Run, int Longest) Of(int member) =>
            member < _last.Length ? (_last[member], _run[member], _longest[member]) : (int.MinValue, 0, 0);
    }
}
