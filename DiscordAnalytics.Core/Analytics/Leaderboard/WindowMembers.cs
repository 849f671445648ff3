using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Streaks;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// One leaderboard call's view of a member, asked one member at a time (never all of them): their window numbers
/// (<see cref="WindowSums"/>), UTC streaks (<see cref="KeptStreaks"/>) or local ones, and whether a bot row in the window
/// leaves them out without bots. Valid under the guild's member-days gate only, like the days it reads.
/// </summary>
internal sealed class WindowMembers(
    GuildMemberDays guild, WindowSums sums, KeptStreaks.Streaks streaks, HashSet<int> settledBotRows, Dictionary<long, (int Current, int Longest)>? local, bool bots)
{
    public GuildMemberDays Guild => guild;

    public WindowSums Sums => sums;

    public KeptStreaks.Streaks Streaks => streaks;

    /// <summary>
    /// The member's candidate (<paramref name="member"/> -1: not in the member days). Without bots, a member with a bot row
    /// in the window is a bot when they have window numbers or a UTC streak day (a member known only by local streak days
    /// or voice time is not), as the full ranking always judged them.
    /// </summary>
    public LeaderboardQuery.Candidate Of(int member, long user)
    {
        if (member < 0)
        {
            var (current, longest) = local?.GetValueOrDefault(user) ?? (0, 0);
            return new LeaderboardQuery.Candidate(user, IsBot: false, 0, 0, 0, current, longest);
        }

        var (messages, reactions, threads) = sums.Of(member);
        var utc = streaks.Of(member);
        var counted = messages != 0 || reactions != 0 || threads != 0 || utc.Current > 0 || utc.Longest > 0;
        var streak = local is null ? utc : local.GetValueOrDefault(user);
        return new LeaderboardQuery.Candidate(user, counted && IsBotInWindow(member), messages, reactions, threads, streak.Current, streak.Longest);
    }

    private bool IsBotInWindow(int member) =>
        !bots && (settledBotRows.Contains(member) || (sums.LastDay is { } last && last.TryPosition(member, out var at) && last.IsBotAt(at)));
}
