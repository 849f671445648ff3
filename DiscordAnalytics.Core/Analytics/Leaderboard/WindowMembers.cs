using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Streaks;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// One leaderboard call's view of a member, asked one member at a time (never all of them): their window numbers (the
/// settled days' kept sums, <see cref="MemberSums"/>, plus the recent days' entries as they are now), UTC streaks
/// (<see cref="KeptStreaks"/>) or local ones, and whether a bot row in the window leaves them out without bots. Valid
/// under the guild's member-days gate only, like the days it reads.
/// </summary>
internal sealed class WindowMembers
{
    private readonly MemberSums _settled;
    private readonly MemberDay[] _recent;
    private readonly HashSet<int> _settledBotRows;
    private readonly Dictionary<long, (int Current, int Longest)>? _local;
    private readonly bool _bots;

    /// <param name="recent">The first recent day: the window's days from it to <paramref name="end"/> are read as they are now.</param>
    public WindowMembers(
        GuildMemberDays guild, MemberSums settled, int recent, int end, KeptStreaks.Streaks streaks, HashSet<int> settledBotRows,
        Dictionary<long, (int Current, int Longest)>? local, bool bots)
    {
        (Guild, _settled, Streaks, _settledBotRows, _local, _bots) = (guild, settled, streaks, settledBotRows, local, bots);
        var days = new List<MemberDay>();
        for (var day = recent; day < end; day++)
        {
            if (guild.Day(day) is { Count: > 0 } held)
            {
                days.Add(held);
            }
        }

        _recent = [.. days];
    }

    public GuildMemberDays Guild { get; }

    public KeptStreaks.Streaks Streaks { get; }

    /// <summary>The window's recent days with entries (where live events land), in order.</summary>
    public IReadOnlyList<MemberDay> RecentDays => _recent;

    /// <summary>The member's messages, reactions and threads in the window (bots' rows only with bots).</summary>
    public (long Messages, long Reactions, long Threads) Numbers(int member) => Numbers(member, -1, -1);

    /// <summary>
    /// <see cref="Numbers(int)"/> of the member at <paramref name="position"/> of recent day <paramref name="recentDay"/>
    /// (an index of <see cref="RecentDays"/>): that day's entry is read where it is, the other days' looked up.
    /// </summary>
    public (long Messages, long Reactions, long Threads) Numbers(int member, int recentDay, int position)
    {
        var (messages, reactions, threads) = ((long)_settled.Messages(member), (long)_settled.Reactions(member), (long)_settled.Threads(member));
        for (var d = 0; d < _recent.Length; d++)
        {
            var day = _recent[d];
            var at = position;
            if ((d == recentDay || day.TryPosition(member, out at)) && (_bots || !day.IsBotAt(at)))
            {
                (messages, reactions, threads) = (messages + day.MessagesAt(at), reactions + day.ReactionsAt(at), threads + day.ThreadsAt(at));
            }
        }

        return (messages, reactions, threads);
    }

    /// <summary>Whether the member has an entry on one of the recent days before the one at <paramref name="before"/> (all of them: <see cref="int.MaxValue"/>).</summary>
    public bool IsRecent(int member, int before = int.MaxValue)
    {
        for (var i = 0; i < _recent.Length && i < before; i++)
        {
            if (_recent[i].TryPosition(member, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The member's candidate (<paramref name="member"/> -1: not in the member days). Without bots, a member with a bot row
    /// in the window is a bot when they have window numbers or a UTC streak day (a member known only by local streak days
    /// or voice time is not), as the full ranking always judged them.
    /// </summary>
    public LeaderboardQuery.Candidate Of(int member, long user)
    {
        if (member < 0)
        {
            var (current, longest) = _local is null ? Streaks.OfUnheld(user) : _local.GetValueOrDefault(user);
            return new LeaderboardQuery.Candidate(user, IsBot: false, 0, 0, 0, current, longest);
        }

        var (messages, reactions, threads) = Numbers(member);
        var utc = Streaks.Of(member);
        var counted = messages != 0 || reactions != 0 || threads != 0 || utc.Current > 0 || utc.Longest > 0;
        var streak = _local is null ? utc : _local.GetValueOrDefault(user);
        return new LeaderboardQuery.Candidate(user, counted && IsBotInWindow(member), messages, reactions, threads, streak.Current, streak.Longest);
    }

    private bool IsBotInWindow(int member)
    {
        if (_bots)
        {
            return false;
        }

        if (_settledBotRows.Contains(member))
        {
            return true;
        }

        foreach (var day in _recent)
        {
            if (day.TryPosition(member, out var at) && day.IsBotAt(at))
            {
                return true;
            }
        }

        return false;
    }
}
