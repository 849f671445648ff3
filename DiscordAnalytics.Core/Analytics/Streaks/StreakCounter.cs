using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Daily streaks from the member days in memory: one pass over the days in order, each member's run growing on a counted
/// day that follows a counted day and starting again at 1 otherwise. A day counts when the member did one of the kinds
/// the guild's rules count (a message, a reaction, talking with others in voice). The member days are already exact
/// after late, duplicated and out-of-order events, so streaks are too.
/// </summary>
internal static class StreakCounter
{
    /// <summary>
    /// Each member's (by dense index) current and longest streak over days <paramref name="first"/> to
    /// <paramref name="today"/> (included; all held). The current streak is the run that ends today, or yesterday when
    /// today has no counted activity yet (a day that is still running breaks nothing).
    /// </summary>
    public static (int[] Current, int[] Longest) Count(GuildMemberDays guild, int first, int today, LeaderboardRules rules, bool bots)
    {
        var members = guild.MemberCount;
        var (last, run, longest) = (new int[members], new int[members], new int[members]);
        Array.Fill(last, int.MinValue);
        for (var day = first; day <= today; day++)
        {
            if (guild.Day(day) is not { } held)
            {
                continue;
            }

            for (var i = 0; i < held.Count; i++)
            {
                if ((!bots && held.IsBotAt(i)) || !Counts(held, i, rules))
                {
                    continue;
                }

                var member = held.MemberAt(i);
                run[member] = last[member] == day - 1 ? run[member] + 1 : 1;
                last[member] = day;
                longest[member] = Math.Max(longest[member], run[member]);
            }
        }

        var current = new int[members];
        for (var member = 0; member < members; member++)
        {
            current[member] = last[member] >= today - 1 ? run[member] : 0;
        }

        return (current, longest);
    }

    /// <summary>Whether the entry at <paramref name="at"/> is a streak day under <paramref name="rules"/> (bots not checked).</summary>
    internal static bool Counts(MemberDay day, int at, LeaderboardRules rules) =>
        (rules.StreakMessages && day.MessagesAt(at) > 0)
        || (rules.StreakReactions && day.ReactionsAt(at) > 0)
        || (rules.StreakVoice && day.TalkedAt(at));
}
