namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Each member's streak state after the UTC days <see cref="First"/> to <see cref="Cut"/> (excluded): their last streak
/// day, the run that ends there and their longest run, with the version every day was counted at. Held as arrays sorted
/// by user (twenty bytes a member who ever had a streak day; a dictionary took about three times that, and a year's store
/// has some 185,000 such members), never changed once made: <see cref="Counting"/> brings a copy forward.
/// </summary>
internal sealed class ClosedStreakState
{
    private readonly long[] _users;
    private readonly int[] _last;
    private readonly int[] _run;
    private readonly int[] _longest;
    private readonly long[] _versions;

    private ClosedStreakState(int first, int cut, long[] users, int[] last, int[] run, int[] longest, long[] versions) =>
        (First, Cut, _users, _last, _run, _longest, _versions) = (first, cut, users, last, run, longest, versions);

    /// <summary>The first day counted (the guild's first stored day).</summary>
    public int First { get; }

    /// <summary>The first day not counted.</summary>
    public int Cut { get; }

    /// <summary>Members with a streak day before the cut.</summary>
    public int Members => _users.Length;

    /// <summary>When it was last handed out (the least recently used cut goes first).</summary>
    internal long LastUsed { get; set; }

    /// <summary>No day counted yet.</summary>
    public static ClosedStreakState Empty(int first) => new(first, first, [], [], [], [], []);

    /// <summary>The member's last streak day before the cut (<see cref="int.MinValue"/>: none), the run ending there and their longest run.</summary>
    public (int Last, int Run, int Longest) Of(long user)
    {
        var at = Array.BinarySearch(_users, user);
        return at >= 0 ? (_last[at], _run[at], _longest[at]) : (int.MinValue, 0, 0);
    }

    /// <summary>True while every counted day is at the version it was counted at (a day without a stored version is at 0).</summary>
    public bool IsCurrent(IReadOnlyDictionary<int, long> stored)
    {
        for (var i = 0; i < _versions.Length; i++)
        {
            if (_versions[i] != stored.GetValueOrDefault(First + i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This state brought forward to <paramref name="cut"/>: the days after this one's cut are counted into it, in order.</summary>
    internal Counting BringForward(int cut) => new(this, cut);

    /// <summary>A state being counted (a dictionary while it grows, for as long as one read of the store lasts).</summary>
    internal sealed class Counting
    {
        private readonly Dictionary<long, (int Last, int Run, int Longest)> _members;
        private readonly long[] _versions;
        private readonly int _first;
        private readonly int _cut;

        public Counting(ClosedStreakState from, int cut)
        {
            (_first, _cut) = (from.First, cut);
            _versions = new long[cut - from.First];
            Array.Copy(from._versions, _versions, from._versions.Length);
            _members = new Dictionary<long, (int, int, int)>(from._users.Length);
            for (var i = 0; i < from._users.Length; i++)
            {
                _members[from._users[i]] = (from._last[i], from._run[i], from._longest[i]);
            }
        }

        public void SetVersion(int day, long version) => _versions[day - _first] = version;

        /// <summary>Counts a streak day of the member (days in order; the same day twice counts once).</summary>
        public void Count(long user, int day)
        {
            var (last, run, longest) = _members.GetValueOrDefault(user, (int.MinValue, 0, 0));
            if (last != day)
            {
                run = last == day - 1 ? run + 1 : 1;
                _members[user] = (day, run, Math.Max(longest, run));
            }
        }

        /// <summary>The counted state, sorted by user.</summary>
        public ClosedStreakState Done()
        {
            var users = _members.Keys.ToArray();
            Array.Sort(users);
            var (last, run, longest) = (new int[users.Length], new int[users.Length], new int[users.Length]);
            for (var i = 0; i < users.Length; i++)
            {
                (last[i], run[i], longest[i]) = _members[users[i]];
            }

            return new ClosedStreakState(_first, _cut, users, last, run, longest, _versions);
        }
    }
}
