using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// One guild's member rollups of one UTC day, in memory: parallel arrays with one entry per member row (member by
/// its dense index in <see cref="GuildMemberDays"/>), at the stored version they were read or brought to. Arrays, not
/// objects, and counts in a byte each (<see cref="NarrowCounts"/>) with the bot and voice flags in one more, so a year of
/// 20k members a day stays near 8 bytes a member-day. Guarded by the guild's gate.
/// </summary>
internal sealed class MemberDay(long version)
{
    /// <summary>The entry is a bot's (<see cref="_flags"/>).</summary>
    private const byte Bot = 1;

    /// <summary>The member was heard with others in voice this day: voice counts as activity (<see cref="_flags"/>).</summary>
    private const byte Talked = 2;

    private int[] _members = [];
    private byte[] _flags = [];
    private readonly NarrowCounts _messages = new();
    private readonly NarrowCounts _reactions = new();
    private readonly NarrowCounts _threads = new();

    /// <summary>Member index to entry position; built on the first change or lookup (most days are only summed).</summary>
    private Dictionary<int, int>? _positions;

    private int _activeHumans = -1;
    private int _activeAll = -1;

    /// <summary>Who became active or stopped being active by the commits since <see cref="_logFrom"/>, in order.</summary>
    private readonly List<ActivityFlip> _flips = [];

    /// <summary>Every member whose entry a commit since <see cref="_touchedFrom"/> changed (added, changed or removed), in order.</summary>
    private readonly List<(long Version, int Member)> _touched = [];

    /// <summary>The version the touched log starts at (its own, so a busy day's many touches never cut the flip log).</summary>
    private long _touchedFrom = version;

    /// <summary>The version the flip log starts at: the one the day was read at, or the last one it was cut at.</summary>
    private long _logFrom = version;

    /// <summary>Most flips kept; past that the log starts again at the current version (a reader from before counts again).</summary>
    internal const int KeptFlips = 4_096;

    /// <summary>The stored version (<c>memberDayVersions</c>) this copy equals.</summary>
    public long Version { get; private set; } = version;

    public int Count { get; private set; }

    public int MemberAt(int position) => _members[position];

    public bool IsBotAt(int position) => (_flags[position] & Bot) != 0;

    public int MessagesAt(int position) => _messages.At(position, _members[position]);

    public int ReactionsAt(int position) => _reactions.At(position, _members[position]);

    public int ThreadsAt(int position) => _threads.At(position, _members[position]);

    public bool TalkedAt(int position) => (_flags[position] & Talked) != 0;

    /// <summary>Posted, reacted or talked (heard with others in voice) this day.</summary>
    public bool IsActiveAt(int position) => MessagesAt(position) > 0 || ReactionsAt(position) > 0 || TalkedAt(position);

    /// <summary>Counts kept whole beside the bytes (a test's view of the overflow).</summary>
    internal int Overflows => _messages.Overflows + _reactions.Overflows + _threads.Overflows;

    public MemberDayEntry EntryAt(int position) =>
        new(IsBotAt(position), MessagesAt(position), ReactionsAt(position), ThreadsAt(position), IsActiveAt(position));

    /// <summary>The member's entry this day, null when they have none.</summary>
    public MemberDayEntry? EntryOf(int member) => TryPosition(member, out var at) ? EntryAt(at) : null;

    /// <summary>Adds a member's row as read from the store.</summary>
    public void Append(int member, bool isBot, long messages, long reactions, long threads, bool talked = false)
    {
        if (Count == _members.Length)
        {
            var size = Math.Max(16, Count * 2);
            Resize(size);
        }

        _members[Count] = member;
        _flags[Count] = Flags(isBot, talked);
        _messages.Set(Count, member, messages);
        _reactions.Set(Count, member, reactions);
        _threads.Set(Count, member, threads);
        _positions?.Add(member, Count);
        Count++;
        Changed();
    }

    /// <summary>Drops the unused tail of the arrays once a day is read whole.</summary>
    public void Trim() => Resize(Count);

    /// <summary>Adds a committed delta, as the writer's upsert did to the stored row (its bot flag replaces the row's).</summary>
    public void Add(int member, MemberDayDelta delta)
    {
        if (!TryPosition(member, out var at))
        {
            Append(member, delta.IsBot, delta.Messages, delta.Reactions, delta.Threads, delta.TalkMs > 0);
            return;
        }

        _flags[at] = Flags(delta.IsBot, TalkedAt(at) || delta.TalkMs > 0);
        _messages.Set(at, member, checked(MessagesAt(at) + delta.Messages));
        _reactions.Set(at, member, checked(ReactionsAt(at) + delta.Reactions));
        _threads.Set(at, member, checked(ThreadsAt(at) + delta.Threads));
        Changed();
    }

    /// <summary>Deletes a forgotten member's row: the last entry takes its place.</summary>
    public void Remove(int member)
    {
        if (!TryPosition(member, out var at))
        {
            return;
        }

        var last = Count - 1;
        _positions!.Remove(member);
        _messages.Forget(member);
        _reactions.Forget(member);
        _threads.Forget(member);
        if (at != last)
        {
            (_members[at], _flags[at]) = (_members[last], _flags[last]);
            _messages.Move(last, at);
            _reactions.Move(last, at);
            _threads.Move(last, at);
            _positions[_members[at]] = at;
        }

        Count--;
        Changed();
    }

    /// <summary>Logs a commit's change to one member's entry (<see cref="TouchedSince"/>), and as a flip when it changed whether they count as active (by either rule).</summary>
    public void Log(long version, int member, MemberDayEntry? before, MemberDayEntry? after)
    {
        _touched.Add((version, member));
        var (humanBefore, anyBefore) = Counted(before);
        var (humanAfter, anyAfter) = Counted(after);
        if (humanBefore != humanAfter || anyBefore != anyAfter)
        {
            _flips.Add(new ActivityFlip(version, member, humanBefore, anyBefore, humanAfter, anyAfter));
        }
    }

    /// <summary>The day took a commit: it is at <paramref name="version"/> now. A log grown past its bound starts again here.</summary>
    public void Stepped(long version)
    {
        Version = version;
        if (_touched.Count > KeptFlips)
        {
            _touched.Clear();
            _touchedFrom = version;
        }

        if (_flips.Count > KeptFlips)
        {
            _flips.Clear();
            _logFrom = version;
        }
    }

    /// <summary>
    /// The flips of the commits after <paramref name="version"/>, in order; false when the log does not reach back that far
    /// (the day was read again from the store, or its log was cut since): then the caller counts again.
    /// </summary>
    public bool FlipsSince(long version, out IReadOnlyList<ActivityFlip> flips)
    {
        if (version < _logFrom || version > Version)
        {
            flips = [];
            return false;
        }

        var first = _flips.FindIndex(f => f.Version > version);
        flips = first < 0 ? [] : _flips.GetRange(first, _flips.Count - first);
        return true;
    }

    /// <summary>
    /// The members whose entry the commits after <paramref name="version"/> changed (a member may come more than once);
    /// false when the log does not reach back that far, as <see cref="FlipsSince"/>.
    /// </summary>
    public bool TouchedSince(long version, out IEnumerable<int> members)
    {
        if (version < _touchedFrom || version > Version)
        {
            members = [];
            return false;
        }

        var first = _touched.FindIndex(t => t.Version > version);
        members = first < 0 ? [] : _touched.GetRange(first, _touched.Count - first).Select(t => t.Member);
        return true;
    }

    /// <summary>Whether <paramref name="member"/> counts as active this day under the rule with or without bots, without building the position map (a vector search of the members).</summary>
    public bool CountsActive(int member, bool bots)
    {
        var at = _positions is { } positions ? (positions.TryGetValue(member, out var p) ? p : -1) : _members.AsSpan(0, Count).IndexOf(member);
        return at >= 0 && IsActiveAt(at, bots);
    }

    public bool TryPosition(int member, out int position)
    {
        if (_positions is null)
        {
            _positions = new Dictionary<int, int>(Count);
            for (var i = 0; i < Count; i++)
            {
                _positions[_members[i]] = i;
            }
        }

        return _positions.TryGetValue(member, out position);
    }

    /// <summary>Whether the member at <paramref name="position"/> was active this day (<see cref="IsActiveAt(int)"/>), a bot's only with <paramref name="bots"/>.</summary>
    public bool IsActiveAt(int position, bool bots) => (bots || !IsBotAt(position)) && IsActiveAt(position);

    /// <summary>Members with a message, a reaction or voice time heard with others this day (the activity chart), counted once per change.</summary>
    public int ActiveMembers(bool bots)
    {
        ref var cached = ref bots ? ref _activeAll : ref _activeHumans;
        if (cached < 0)
        {
            var count = 0;
            for (var i = 0; i < Count; i++)
            {
                count += IsActiveAt(i, bots) ? 1 : 0;
            }

            cached = count;
        }

        return cached;
    }

    private static (bool Human, bool Any) Counted(MemberDayEntry? entry) =>
        entry is { IsActive: true } e ? (!e.IsBot, true) : (false, false);

    private static byte Flags(bool isBot, bool talked) => (byte)((isBot ? Bot : 0) | (talked ? Talked : 0));

    private void Resize(int size)
    {
        Array.Resize(ref _members, size);
        Array.Resize(ref _flags, size);
        _messages.Resize(size);
        _reactions.Resize(size);
        _threads.Resize(size);
    }

    private void Changed() => (_activeHumans, _activeAll) = (-1, -1);
}
