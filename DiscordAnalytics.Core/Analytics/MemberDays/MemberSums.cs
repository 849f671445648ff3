namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// Each member's summed rollups over a range of days (by dense member index), with on how many of those days each was
/// active (a message, a reaction or voice heard with others) and reacted, and the version of every day it was summed at:
/// reusable exactly as long as every day is at the version recorded here. A commit to one of its days, applied to that
/// day in memory, is applied here too (<see cref="Update"/>), so a late event costs the members it changed, not the range.
/// Members indexed after it was made have nothing in it until a commit names them.
/// </summary>
internal sealed class MemberSums
{
    /// <summary>Most flips of who is active kept for <see cref="FlipsSince"/>; past that, a reader counts again.</summary>
    private const int KeptFlips = 4_096;

    private int[] _messages;
    private int[] _reactions;
    private int[] _threads;

    /// <summary>Days active and days reacted: a range spans at most a custom window of a year, so two bytes hold them (4 bytes a member less on every kept sum).</summary>
    private ushort[] _activeDays;
    private ushort[] _reactorDays;

    /// <summary>Members whose being active changed by <see cref="Update"/>, in order; the first is flip number <see cref="_firstFlip"/>.</summary>
    private readonly List<(int Member, bool Active)> _flips = [];
    private long _firstFlip;

    private MemberSums(int members, int start, long[] versions, bool bots)
    {
        (_messages, _reactions, _threads) = (new int[members], new int[members], new int[members]);
        (_activeDays, _reactorDays) = (new ushort[members], new ushort[members]);
        (Start, Versions, Bots) = (start, versions, bots);
    }

    public int Start { get; }

    /// <summary>The version of each day of the range (index 0 is <see cref="Start"/>) it equals.</summary>
    public long[] Versions { get; }

    /// <summary>Whether bots' rows are summed.</summary>
    public bool Bots { get; }

    public int ActiveCount { get; private set; }

    public int ReactorCount { get; private set; }

    /// <summary>How many flips of who is active there have been since it was made.</summary>
    public long Flips => _firstFlip + _flips.Count;

    public int Messages(int member) => member < _messages.Length ? _messages[member] : 0;

    public int Reactions(int member) => member < _reactions.Length ? _reactions[member] : 0;

    public int Threads(int member) => member < _threads.Length ? _threads[member] : 0;

    public bool IsActive(int member) => member < _activeDays.Length && _activeDays[member] > 0;

    public bool IsReactor(int member) => member < _reactorDays.Length && _reactorDays[member] > 0;

    /// <summary>
    /// Copies the sums into spans indexed by member (as long as the guild's members; the rest is cleared). The arrays may
    /// have grown past the guild's members by an <see cref="Update"/>: what lies past them is zero.
    /// </summary>
    public void CopyTo(Span<int> messages, Span<int> reactions, Span<int> threads)
    {
        var length = Math.Min(_messages.Length, messages.Length);
        _messages.AsSpan(0, length).CopyTo(messages);
        _reactions.AsSpan(0, length).CopyTo(reactions);
        _threads.AsSpan(0, length).CopyTo(threads);
        messages[length..].Clear();
        reactions[length..].Clear();
        threads[length..].Clear();
    }

    /// <summary>The flips of who is active after flip number <paramref name="seen"/>, in order; false when they are no longer all kept.</summary>
    public bool FlipsSince(long seen, out IReadOnlyList<(int Member, bool Active)> flips)
    {
        if (seen < _firstFlip || seen > Flips)
        {
            flips = [];
            return false;
        }

        flips = _flips.GetRange((int)(seen - _firstFlip), (int)(Flips - seen));
        return true;
    }

    /// <summary>Sums days <paramref name="start"/> (included) to <paramref name="end"/> (excluded); every one of them is held.</summary>
    public static MemberSums Over(GuildMemberDays guild, int start, int end, bool bots)
    {
        var versions = new long[Math.Max(0, end - start)];
        var sums = new MemberSums(guild.MemberCount, start, versions, bots);
        for (var day = start; day < end; day++)
        {
            var held = guild.Day(day) ?? throw new InvalidOperationException($"Member day {day} is not held.");
            versions[day - start] = held.Version;
            for (var i = 0; i < held.Count; i++)
            {
                sums.Add(held.MemberAt(i), held.EntryAt(i), 1, flip: false);
            }
        }

        return sums;
    }

    /// <summary>True while every day it was summed over is still at the version it was summed at.</summary>
    public bool IsCurrent(GuildMemberDays guild)
    {
        for (var i = 0; i < Versions.Length; i++)
        {
            if (guild.Day(Start + i) is not { } held || held.Version != Versions[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a commit bringing <paramref name="day"/> to <paramref name="version"/> can be applied here: it covers the day, held at the version just before.</summary>
    public bool Takes(int day, long version) =>
        day >= Start && day < Start + Versions.Length && Versions[day - Start] == version - 1;

    /// <summary>One member's entry of a day it covers changed from <paramref name="before"/> to <paramref name="after"/> (null: no entry).</summary>
    public void Update(int member, MemberDayEntry? before, MemberDayEntry? after)
    {
        if (before is { } b)
        {
            Add(member, b, -1, flip: true);
        }

        if (after is { } a)
        {
            Add(member, a, 1, flip: true);
        }
    }

    /// <summary>The day's commit is applied: it is at <paramref name="version"/> now.</summary>
    public void Stepped(int day, long version) => Versions[day - Start] = version;

    private void Add(int member, MemberDayEntry entry, int sign, bool flip)
    {
        if (!Bots && entry.IsBot)
        {
            return;
        }

        if (member >= _messages.Length)
        {
            var size = Math.Max(member + 1, _messages.Length * 2);
            Array.Resize(ref _messages, size);
            Array.Resize(ref _reactions, size);
            Array.Resize(ref _threads, size);
            Array.Resize(ref _activeDays, size);
            Array.Resize(ref _reactorDays, size);
        }

        _messages[member] += sign * entry.Messages;
        _reactions[member] += sign * entry.Reactions;
        _threads[member] += sign * entry.Threads;
        if (entry.IsActive)
        {
            var wasActive = _activeDays[member] > 0;
            _activeDays[member] = checked((ushort)(_activeDays[member] + sign));
            if (wasActive != _activeDays[member] > 0)
            {
                ActiveCount += wasActive ? -1 : 1;
                if (flip)
                {
                    Flipped(member, !wasActive);
                }
            }
        }

        if (entry.Reactions > 0)
        {
            var wasReactor = _reactorDays[member] > 0;
            _reactorDays[member] = checked((ushort)(_reactorDays[member] + sign));
            if (wasReactor != _reactorDays[member] > 0)
            {
                ReactorCount += wasReactor ? -1 : 1;
            }
        }
    }

    private void Flipped(int member, bool active)
    {
        if (_flips.Count == KeptFlips)
        {
            _firstFlip += _flips.Count;
            _flips.Clear();
        }

        _flips.Add((member, active));
    }
}
