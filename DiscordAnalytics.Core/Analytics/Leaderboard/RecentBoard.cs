using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The recent part of a window's leaderboard for one ranking: every member with an entry on the window's recent days
/// (yesterday and today, where live events land), sorted as <see cref="TopPlaces"/> orders places by their whole window
/// numbers. Kept with the recent days' versions, so a live event re-ranks only the members its commit touched
/// (<see cref="MemberDay.TouchedSince"/>), never the ~20,000 a day of a large guild. Made again when the settled board
/// changes or a recent day was read again from the store (its log does not reach back); a day's first entries are its
/// members to score. Held compactly: the places as made, a sorted array (40 bytes a member, not a tree node and a
/// dictionary entry), and the members re-scored since in a small ordered set on top, merged into the array once it grows.
/// Used under the guild's member-days gate, like the days it follows.
/// </summary>
internal sealed class RecentBoard
{
    private static readonly Comparer<Place> BestFirst = Comparer<Place>.Create((a, b) =>
    {
        var order = TopPlaces.Worse((b.Score, b.TieBreak, b.User), (a.Score, a.TieBreak, a.User));
        return order != 0 ? order : a.Member.CompareTo(b.Member);
    });

    /// <summary>The places as last merged, best first; a member in <see cref="_moved"/> is no longer at theirs.</summary>
    private Place[] _merged = [];

    /// <summary>Members re-scored (or gone) since the last merge: their merged place is skipped.</summary>
    private readonly HashSet<int> _moved = [];

    /// <summary>The places of the members re-scored since the last merge (few: a live commit's members), best first.</summary>
    private readonly SortedSet<Place> _rescored = new(BestFirst);
    private readonly Dictionary<int, Place> _rescoredPlaces = [];
    private readonly SettledBoard _board;
    private MemberDay[] _days;
    private long[] _versions;
    private readonly LeaderboardRanking _by;
    private readonly LeaderboardRules _rules;
    private readonly bool _voiceScores;

    /// <summary>The recent days' voice time the places were scored with (only when it weighs in the score).</summary>
    private Dictionary<long, long> _live;

    private RecentBoard(SettledBoard board, MemberDay[] days, LeaderboardRanking by, LeaderboardRules rules, bool voiceScores, Dictionary<long, long> live)
    {
        (_board, _days, _by, _rules, _voiceScores, _live) = (board, days, by, rules, voiceScores, live);
        _versions = [.. days.Select(d => d.Version)];
    }

    /// <summary>Members scored since the last call (what the reload tests watch: a live event scores its members only).</summary>
    private long _scored;

    /// <summary>How many members were scored since the last time this was asked.</summary>
    public long TakeScored()
    {
        var scored = _scored;
        _scored = 0;
        return scored;
    }

    /// <summary>Ranks every member of the window's recent days.</summary>
    public static RecentBoard Make(WindowMembers window, SettledBoard board, LeaderboardRanking by, LeaderboardRules rules, LeaderboardVoice.Window voice)
    {
        // Voice minutes change only the activity score (weighted); the other rankings look them up for those kept.
        var voiceScores = by == LeaderboardRanking.Activity && rules.VoiceMinuteWeight != 0;
        var made = new RecentBoard(board, [.. window.RecentDays], by, rules, voiceScores, voiceScores ? new(voice.Live) : []);
        var places = new Dictionary<int, Place>();
        foreach (var day in window.RecentDays)
        {
            for (var i = 0; i < day.Count; i++)
            {
                var member = day.MemberAt(i);
                made._scored++;
                if (window.IsRecent(member))
                {
                    places[member] = made.PlaceOf(window, member, voice);
                }
            }
        }

        made._merged = [.. places.Values];
        Array.Sort(made._merged, BestFirst);
        return made;
    }

    /// <summary>
    /// Brings the places up to the window as it is now, re-scoring only the members the recent days' commits touched since
    /// (and, when voice weighs in, those whose recent voice time moved); false when it cannot follow and must be made again.
    /// </summary>
    public bool CatchUp(WindowMembers window, SettledBoard board, LeaderboardVoice.Window voice)
    {
        if (!ReferenceEquals(board, _board))
        {
            return false;
        }

        // Every kept day still held (the same copy, which took the commits since), and any day with its first entries since.
        var days = window.RecentDays;
        var touched = new HashSet<int>();
        var followed = 0;
        foreach (var day in days)
        {
            var d = Array.IndexOf(_days, day);
            if (d < 0)
            {
                for (var i = 0; i < day.Count; i++)
                {
                    touched.Add(day.MemberAt(i));
                }

                continue;
            }

            followed++;
            if (day.Version != _versions[d])
            {
                if (!day.TouchedSince(_versions[d], out var members))
                {
                    return false;
                }

                touched.UnionWith(members);
            }
        }

        if (followed != _days.Length)
        {
            return false;
        }

        _days = [.. days];
        _versions = [.. days.Select(d => d.Version)];
        if (_voiceScores && !SameVoice(voice.Live, touched, window.Guild))
        {
            _live = new(voice.Live);
        }

        foreach (var member in touched)
        {
            Score(window, member, voice);
        }

        // Merged once the re-scored places are an eighth of the board: each live commit stays a few set operations, and
        // the merges (one pass over the array) cost a few per re-scored member.
        if (_rescored.Count > Math.Max(8, _merged.Length / 8))
        {
            _merged = [.. InOrder()];
            _moved.Clear();
            _rescored.Clear();
            _rescoredPlaces.Clear();
        }

        return true;
    }

    /// <summary>The recent members best first: the merged places not moved since, and the re-scored ones, merged in order.</summary>
    public IEnumerable<Place> InOrder()
    {
        using var rescored = _rescored.GetEnumerator();
        var more = rescored.MoveNext();
        foreach (var place in _merged)
        {
            if (_moved.Contains(place.Member))
            {
                continue;
            }

            for (; more && BestFirst.Compare(rescored.Current, place) < 0; more = rescored.MoveNext())
            {
                yield return rescored.Current;
            }

            yield return place;
        }

        for (; more; more = rescored.MoveNext())
        {
            yield return rescored.Current;
        }
    }

    /// <summary>Whether the recent voice time is what the places were scored with; the members whose time moved are added to <paramref name="touched"/>.</summary>
    private bool SameVoice(Dictionary<long, long> live, HashSet<int> touched, GuildMemberDays guild)
    {
        var same = live.Count == _live.Count;
        foreach (var (user, ms) in live)
        {
            if (_live.GetValueOrDefault(user, -1) != ms)
            {
                same = false;
                if (guild.TryIndexOf(user, out var member))
                {
                    touched.Add(member);
                }
            }
        }

        foreach (var user in _live.Keys)
        {
            if (!live.ContainsKey(user))
            {
                same = false;
                if (guild.TryIndexOf(user, out var member))
                {
                    touched.Add(member);
                }
            }
        }

        return same;
    }

    /// <summary>Places the member by their window numbers now; one no longer on a recent day (forgotten) leaves.</summary>
    private void Score(WindowMembers window, int member, LeaderboardVoice.Window voice)
    {
        _scored++;
        _moved.Add(member);
        if (_rescoredPlaces.Remove(member, out var old))
        {
            _rescored.Remove(old);
        }

        if (window.IsRecent(member))
        {
            var place = PlaceOf(window, member, voice);
            _rescoredPlaces[member] = place;
            _rescored.Add(place);
        }
    }

    /// <summary>The member's place by their window numbers now.</summary>
    private Place PlaceOf(WindowMembers window, int member, LeaderboardVoice.Window voice)
    {
        var user = window.Guild.UserAt(member);
        var (messages, reactions, threads) = window.Numbers(member);
        var minutes = _voiceScores ? _board.MinutesOf(member, user, voice) : 0;
        var numbers = new LeaderboardQuery.Candidate(user, IsBot: false, messages, reactions, threads, 0, 0);
        return new Place(LeaderboardQuery.Score(_by, _rules, numbers, minutes), LeaderboardQuery.TieBreak(_by, numbers, minutes), user, member, minutes);
    }

    /// <summary>A recent member's place: score and tie-break as <see cref="TopPlaces"/> compares them, and the voice minutes scored.</summary>
    internal readonly record struct Place(double Score, long TieBreak, long User, int Member, long Minutes);
}
