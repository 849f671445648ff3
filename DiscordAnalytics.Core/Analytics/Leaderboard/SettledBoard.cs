using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The settled part of a window's leaderboard: every member with messages, reactions, threads or voice time on the
/// window's days but its last (the member days' kept sums, <see cref="MemberSums"/>, and <see cref="LeaderboardVoice"/>'s
/// settled time), sorted once per ranking as <see cref="TopPlaces"/> orders places, with the members who have a bot row on
/// those days. Kept per guild, window, bots and rules while those days and the voice time stand at the versions it was
/// made at. A member without an entry on the last day ranks exactly where this order puts them, so a call walks the order
/// only until it has the places it asks for, and ranks the last day's members (a live event's) on their own. Used under
/// the guild's member-days gate.
/// </summary>
internal sealed class SettledBoard
{
    private readonly Entry[] _entries;

    /// <summary>Settled voice time by member index (as many as the member days knew when it was made).</summary>
    private readonly long[] _voiceMs;
    private readonly int[]?[] _orders = new int[]?[Enum.GetValues<LeaderboardRanking>().Length];
    private readonly long[] _versions;
    private readonly int _start;
    private readonly LeaderboardRules _rules;

    private SettledBoard(Entry[] entries, long[] voiceMs, HashSet<int> botRows, long[] versions, int start, LeaderboardRules rules, LeaderboardVoice.Settled voice) =>
        (_entries, _voiceMs, BotRows, _versions, _start, _rules, Voice) = (entries, voiceMs, botRows, versions, start, rules, voice);

    /// <summary>Members (dense index) with a bot row on a settled day; empty with bots counted.</summary>
    public HashSet<int> BotRows { get; }

    /// <summary>The settled voice time it was made with.</summary>
    public LeaderboardVoice.Settled Voice { get; }

    /// <summary>
    /// The board of the days <paramref name="settled"/> covers (<see cref="MemberSums.Versions"/>), from its sums and
    /// <paramref name="voice"/>'s (the same days).
    /// </summary>
    public static SettledBoard Make(GuildMemberDays guild, MemberSums settled, bool bots, LeaderboardRules rules, LeaderboardVoice.Settled voice)
    {
        var entries = new List<Entry>();
        var members = guild.MemberCount;
        var voiceMs = new long[members];
        for (var member = 0; member < members; member++)
        {
            var (messages, reactions, threads) = (settled.Messages(member), settled.Reactions(member), settled.Threads(member));
            var ms = voiceMs[member] = voice.MsOf(guild.UserAt(member));
            if (messages != 0 || reactions != 0 || threads != 0 || ms / LeaderboardQuery.MsPerMinute > 0)
            {
                entries.Add(new Entry(guild.UserAt(member), member, messages, reactions, threads, ms));
            }
        }

        // Voice time of members the member days did not know of.
        foreach (var (user, ms) in voice.Ms)
        {
            if (ms / LeaderboardQuery.MsPerMinute > 0 && !(guild.TryIndexOf(user, out var member) && member < members))
            {
                entries.Add(new Entry(user, -1, 0, 0, 0, ms));
            }
        }

        var botRows = new HashSet<int>();
        for (var day = settled.Start; !bots && day < settled.Start + settled.Versions.Length; day++)
        {
            if (guild.Day(day) is { } held)
            {
                for (var i = 0; i < held.Count; i++)
                {
                    if (held.IsBotAt(i))
                    {
                        botRows.Add(held.MemberAt(i));
                    }
                }
            }
        }

        return new SettledBoard([.. entries], voiceMs, botRows, [.. settled.Versions], settled.Start, rules, voice);
    }

    /// <summary>
    /// The member's whole voice minutes in the window: the settled time kept by member here (one array read; a member
    /// indexed after it was made looks theirs up) plus the recent days'.
    /// </summary>
    public long MinutesOf(int member, long user, LeaderboardVoice.Window voice)
    {
        var settled = member < _voiceMs.Length ? _voiceMs[member] : voice.Settled.MsOf(user);
        return voice.Live.Count == 0 ? settled / LeaderboardQuery.MsPerMinute : (settled + voice.Live.GetValueOrDefault(user)) / LeaderboardQuery.MsPerMinute;
    }

    /// <summary>True while every settled day is held at the version it was made at, with the same voice time.</summary>
    public bool IsCurrent(GuildMemberDays guild, LeaderboardVoice.Settled voice)
    {
        if (!ReferenceEquals(voice, Voice))
        {
            return false;
        }

        for (var i = 0; i < _versions.Length; i++)
        {
            if (guild.Day(_start + i) is not { } held || held.Version != _versions[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The entries best first by <paramref name="by"/> (not the streak: that is the recent days' to rank).</summary>
    public IEnumerable<Entry> InOrder(LeaderboardRanking by)
    {
        var order = _orders[(int)by] ??= Sort(by);
        foreach (var at in order)
        {
            yield return _entries[at];
        }
    }

    private int[] Sort(LeaderboardRanking by)
    {
        var places = new (double Score, long TieBreak, long User, int At)[_entries.Length];
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            var candidate = new LeaderboardQuery.Candidate(entry.User, IsBot: false, entry.Messages, entry.Reactions, entry.Threads, 0, 0);
            var minutes = entry.VoiceMs / LeaderboardQuery.MsPerMinute;
            places[i] = (LeaderboardQuery.Score(by, _rules, candidate, minutes), LeaderboardQuery.TieBreak(by, candidate, minutes), entry.User, i);
        }

        // Best first: the order TopPlaces keeps (higher score, higher tie-break, lower user id).
        Array.Sort(places, (a, b) => TopPlaces.Worse((b.Score, b.TieBreak, b.User), (a.Score, a.TieBreak, a.User)));
        return [.. places.Select(p => p.At)];
    }

    /// <summary>A member's settled numbers (<see cref="Member"/> -1: not in the member days when made).</summary>
    internal readonly record struct Entry(long User, int Member, int Messages, int Reactions, int Threads, long VoiceMs);
}
