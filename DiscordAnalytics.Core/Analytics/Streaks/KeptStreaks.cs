using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// UTC-day streaks (<see cref="StreakCounter"/>) without counting a guild's days on every call, and without holding any
/// day before the caller's first one: the closed past's state comes from <see cref="ClosedStreaks"/> (counted from the
/// store, a few numbers a member), and each member's state after every settled day held in memory (from the closed
/// state's cut to the day before yesterday: its last streak day, the run that ends there, its longest run) is kept per
/// guild, cut, streak rules and bots, with the version of every held day it was counted from; a call adds yesterday's and
/// today's entries to it, member by member as asked. While neither the closed state nor a settled day moved (a late
/// event, an edit, a delete, a forget steps a day's version), a live change to today or yesterday (a reaction to
/// yesterday's message, a message of the last minutes before midnight) costs nothing here; a moved day, or a new today,
/// counts the held days again (in memory, no store read). Only a member counted yesterday or today has a current streak,
/// so the streak ranking visits those two days' entries, never every member. Used under the guild's member-days gate,
/// like the days it reads.
/// </summary>
internal sealed class KeptStreaks
{
    private readonly KeptPerWindow<(int Cut, bool Messages, bool Reactions, bool Voice, bool Bots), Before> _kept = new(8);

    /// <summary>How many times the held days before yesterday were counted (what the tests hold the versions to).</summary>
    public long Counts => _kept.Made;

    /// <summary>
    /// Each member's (by dense index) current and longest streak over the days <paramref name="closed"/> counted and the
    /// held days from its cut to <paramref name="today"/> (included), exactly as <see cref="StreakCounter.Count"/> counts
    /// them over every day.
    /// </summary>
    public Streaks Count(GuildMemberDays guild, long guildId, ClosedStreakState closed, int today, LeaderboardRules rules, bool bots)
    {
        var settled = Math.Max(closed.Cut, today - 1);
        var before = _kept.GetOrMake(
            guildId,
            (closed.Cut, rules.StreakMessages, rules.StreakReactions, rules.StreakVoice, bots),
            b => b.IsCurrent(guild, closed, settled),
            () => Before.Count(guild, closed, settled, rules, bots));
        return new Streaks(before, closed, guild, settled, today, rules, bots);
    }

    /// <summary>Streaks of one call: the kept state of the settled days plus the recent days (yesterday and today) as they are now.</summary>
    internal readonly struct Streaks(Before before, ClosedStreakState closed, GuildMemberDays guild, int settled, int today, LeaderboardRules rules, bool bots)
    {
        public (int Current, int Longest) Of(int member)
        {
            var (last, run, longest) = before.Of(guild, member);
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
                    var (last, run, longest) = before.Of(guild, member);
                    run = last == yesterday - 1 ? run + 1 : 1;
                    yield return (member, run, Math.Max(longest, run));
                }
            }
        }

        /// <summary>The streaks of a member the held days do not know (no entry in the window): their closed state's only.</summary>
        public (int Current, int Longest) OfUnheld(long user)
        {
            var (last, run, longest) = closed.Of(user);
            return (last >= today - 1 ? run : 0, longest);
        }

        private bool Counted(int day, int member) =>
            guild.Day(day) is { } held && held.TryPosition(member, out var at) && Counts(held, at);

        private bool Counts(MemberDay held, int at) => (bots || !held.IsBotAt(at)) && StreakCounter.Counts(held, at, rules);
    }

    /// <summary>Every held member's state after the closed state and the held days from its cut to the last settled one, and the versions they were counted at.</summary>
    internal sealed class Before
    {
        private readonly int[] _last;
        private readonly int[] _run;
        private readonly int[] _longest;
        private readonly ClosedStreakState _closed;
        private readonly int _end;

        /// <summary>Each held day's version from the cut on (-1: not held).</summary>
        private readonly long[] _versions;

        private Before(int members, ClosedStreakState closed, int end)
        {
            (_last, _run, _longest) = (new int[members], new int[members], new int[members]);
            (_closed, _end) = (closed, end);
            _versions = new long[Math.Max(0, end - closed.Cut)];
        }

        /// <summary>Counts the held days from <paramref name="closed"/>'s cut to <paramref name="end"/> (excluded) on top of it.</summary>
        public static Before Count(GuildMemberDays guild, ClosedStreakState closed, int end, LeaderboardRules rules, bool bots)
        {
            var state = new Before(guild.MemberCount, closed, end);
            for (var member = 0; member < state._last.Length; member++)
            {
                (state._last[member], state._run[member], state._longest[member]) = closed.Of(guild.UserAt(member));
            }

            for (var day = closed.Cut; day < end; day++)
            {
                if (guild.Day(day) is not { } held)
                {
                    state._versions[day - closed.Cut] = -1;
                    continue;
                }

                state._versions[day - closed.Cut] = held.Version;
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

        /// <summary>True while it stands on the same closed state, covers the same days and every one of them is at the version it was counted at.</summary>
        public bool IsCurrent(GuildMemberDays guild, ClosedStreakState closed, int end)
        {
            if (!ReferenceEquals(closed, _closed) || end != _end)
            {
                return false;
            }

            for (var i = 0; i < _versions.Length; i++)
            {
                if ((guild.Day(_closed.Cut + i)?.Version ?? -1) != _versions[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A member indexed after it was counted has no held settled streak day (any would have moved a day's version): their closed state's.</summary>
        public (int Last, int Run, int Longest) Of(GuildMemberDays guild, int member) =>
            member < _last.Length ? (_last[member], _run[member], _longest[member]) : _closed.Of(guild.UserAt(member));
    }
}
