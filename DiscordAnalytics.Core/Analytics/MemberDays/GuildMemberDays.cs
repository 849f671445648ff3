using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// One guild's member days in memory: a dense index per member (user id to a small int, in the order members were
/// first read), the days read so far, and the sums of recently asked ranges. Everything is guarded by
/// <see cref="Gate"/>; <see cref="Loading"/> lets one reader at a time fill days from the store.
/// </summary>
internal sealed class GuildMemberDays
{
    /// <summary>Ranges whose sums are kept (each holds a few bytes per member): a dashboard's windows and their previous ones, with and without bots.</summary>
    internal const int KeptSums = 12;

    private readonly Dictionary<long, int> _indexOf = [];
    private readonly List<long> _users = [];
    private readonly Dictionary<int, MemberDay> _days = [];

    /// <summary>Kept sums by range, most recently used last.</summary>
    private readonly List<((int Start, int End, bool Bots) Range, MemberSums Sums)> _sums = [];

    public Lock Gate { get; } = new();

    public SemaphoreSlim Loading { get; } = new(1, 1);

    public int MemberCount => _users.Count;

    public int IndexOf(long user)
    {
        if (!_indexOf.TryGetValue(user, out var index))
        {
            index = _users.Count;
            _users.Add(user);
            _indexOf[user] = index;
        }

        return index;
    }

    public bool TryIndexOf(long user, out int index) => _indexOf.TryGetValue(user, out index);

    public long UserAt(int index) => _users[index];

    public MemberDay? Day(int day) => _days.GetValueOrDefault(day);

    /// <summary>Keeps a day read from the store unless a newer copy is already held.</summary>
    public void Install(int day, MemberDay read)
    {
        if (_days.GetValueOrDefault(day) is not { } held || held.Version < read.Version)
        {
            _days[day] = read;
        }
    }

    /// <summary>Applies a commit to the day it changed, when held at the version just before it; otherwise the day is read again when asked for.</summary>
    public void Apply(MemberDayCommit commit)
    {
        if (_days.GetValueOrDefault(commit.Day) is not { } held || held.Version != commit.Version - 1)
        {
            return;
        }

        // Kept sums over this day at its version before the commit take the same changes, member by member.
        var sums = _sums.Where(s => s.Sums.Takes(commit.Day, commit.Version)).Select(s => s.Sums).ToList();
        // The day logs who flipped between active and not, for the per-day figures kept on it (engagement).
        if (commit.ForgottenUser is { } forgotten)
        {
            if (TryIndexOf(forgotten, out var member))
            {
                var before = held.EntryOf(member);
                held.Remove(member);
                held.Log(commit.Version, member, before, null);
                sums.ForEach(s => s.Update(member, before, null));
            }
        }
        else
        {
            foreach (var delta in commit.Deltas)
            {
                var member = IndexOf(delta.User);
                var before = held.EntryOf(member);
                held.Add(member, delta);
                var after = held.EntryOf(member);
                held.Log(commit.Version, member, before, after);
                sums.ForEach(s => s.Update(member, before, after));
            }
        }

        held.Stepped(commit.Version);
        sums.ForEach(s => s.Stepped(commit.Day, commit.Version));
    }

    /// <summary>Per-member sums of days <paramref name="start"/> to <paramref name="end"/> (excluded): all held.</summary>
    public WindowSums Sums(int start, int end, bool bots)
    {
        if (start >= end)
        {
            return new WindowSums(MemberSums.Over(this, start, start, bots), null, bots, MemberCount);
        }

        return new WindowSums(Closed(start, end - 1, bots), Day(end - 1), bots, MemberCount);
    }

    /// <summary>
    /// Kept per-member sums of days <paramref name="start"/> to <paramref name="end"/> (excluded): all held. The same object
    /// while none of those days changed (commits to them are applied to it in place).
    /// </summary>
    public MemberSums Closed(int start, int end, bool bots)
    {
        var range = (start, end, bots);
        var at = _sums.FindIndex(s => s.Range == range);
        if (at >= 0)
        {
            var kept = _sums[at];
            _sums.RemoveAt(at);
            if (kept.Sums.IsCurrent(this))
            {
                _sums.Add(kept);
                return kept.Sums;
            }
        }

        var sums = MemberSums.Over(this, start, end, bots);
        _sums.Add((range, sums));
        if (_sums.Count > KeptSums)
        {
            _sums.RemoveAt(0);
        }

        return sums;
    }
}
