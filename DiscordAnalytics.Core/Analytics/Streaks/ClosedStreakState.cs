namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Each member's streak state after the UTC days <see cref="First"/> to <see cref="Cut"/> (excluded): their last streak
/// day, the run that ends there and their longest run (twelve bytes a member who ever had a streak day), with the version
/// every day was counted at. Not changed once handed out (<see cref="ClosedStreaks"/> brings a copy forward).
/// </summary>
internal sealed class ClosedStreakState
{
    private readonly Dictionary<long, Streak> _members;
    private readonly long[] _versions;

    private ClosedStreakState(int first, int cut, Dictionary<long, Streak> members, long[] versions) =>
        (First, Cut, _members, _versions) = (first, cut, members, versions);

    /// <summary>The first day counted (the guild's first stored day, or a window's start before it).</summary>
    public int First { get; }

    /// <summary>The first day not counted.</summary>
    public int Cut { get; }

    /// <summary>Members with a streak day before the cut.</summary>
    public int Members => _members.Count;

    /// <summary>When it was last handed out (the least recently used cut goes first).</summary>
    internal long LastUsed { get; set; }

    /// <summary>No day counted yet.</summary>
    public static ClosedStreakState Empty(int first) => new(first, first, [], []);

    /// <summary>The member's last streak day before the cut (<see cref="int.MinValue"/>: none), the run ending there and their longest run.</summary>
    public (int Last, int Run, int Longest) Of(long user) =>
        _members.TryGetValue(user, out var s) ? (s.Last, s.Run, s.Longest) : (int.MinValue, 0, 0);

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

    /// <summary>A copy to bring forward to <paramref name="cut"/> (the days after this one's cut at version 0 until set).</summary>
    internal ClosedStreakState Copy(int cut)
    {
        var versions = new long[cut - First];
        Array.Copy(_versions, versions, _versions.Length);
        return new ClosedStreakState(First, cut, new Dictionary<long, Streak>(_members), versions);
    }

    internal void SetVersion(int day, long version) => _versions[day - First] = version;

    /// <summary>Counts a streak day of the member (days in order; the same day twice counts once).</summary>
    internal void Count(long user, int day)
    {
        var s = _members.GetValueOrDefault(user, new Streak(int.MinValue, 0, 0));
        if (s.Last == day)
        {
            return;
        }

        var run = s.Last == day - 1 ? s.Run + 1 : 1;
        _members[user] = new Streak(day, run, Math.Max(s.Longest, run));
    }

    private readonly record struct Streak(int Last, int Run, int Longest);
}
