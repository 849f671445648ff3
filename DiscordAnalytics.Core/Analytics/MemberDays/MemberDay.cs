using DiscordAnalytics.Core.Storage.MemberDays;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// One guild's member rollups of one UTC day, in memory: parallel arrays with one entry per member row (member by
/// its dense index in <see cref="GuildMemberDays"/>), at the stored version they were read or brought to. Arrays, not
/// objects, so a year of 20k members a day stays near 17 bytes a member-day. Guarded by the guild's gate.
/// </summary>
internal sealed class MemberDay(long version)
{
    private int[] _members = [];
    private bool[] _bots = [];
    private int[] _messages = [];
    private int[] _reactions = [];
    private int[] _threads = [];

    /// <summary>Heard with others in voice this day: voice counts as activity.</summary>
    private bool[] _talked = [];

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

    public bool IsBotAt(int position) => _bots[position];

    public int MessagesAt(int position) => _messages[position];

    public int ReactionsAt(int position) => _reactions[position];

    public int ThreadsAt(int position) => _threads[position];

    public bool TalkedAt(int position) => _talked[position];

    /// <summary>Posted, reacted or talked (heard with others in voice) this day.</summary>
    public bool IsActiveAt(int position) => _messages[position] > 0 || _reactions[position] > 0 || _talked[position];

    public MemberDayEntry EntryAt(int position) =>
        new(_bots[position], _messages[position], _reactions[position], _threads[position], IsActiveAt(position));

    /// <summary>The member's entry this day, null when they have none.</summary>
    public MemberDayEntry? EntryOf(int member) => TryPosition(member, out var at) ? EntryAt(at) : null;

    /// <summary>Adds a member's row as read from the store.</summary>
    public void Append(int member, bool isBot, long messages, long reactions, long threads, bool talked = false)
    {
        if (Count == _members.Length)
        {
            var size = Math.Max(16, Count * 2);
            Array.Resize(ref _members, size);
            Array.Resize(ref _bots, size);
            Array.Resize(ref _messages, size);
            Array.Resize(ref _reactions, size);
            Array.Resize(ref _threads, size);
            Array.Resize(ref _talked, size);
        }

        (_members[Count], _bots[Count], _talked[Count]) = (member, isBot, talked);
        (_messages[Count], _reactions[Count], _threads[Count]) = (checked((int)messages), checked((int)reactions), checked((int)threads));
        _positions?.Add(member, Count);
        Count++;
        Changed();
    }

    /// <summary>Drops the unused tail of the arrays once a day is read whole.</summary>
    public void Trim()
    {
        Array.Resize(ref _members, Count);
        Array.Resize(ref _bots, Count);
        Array.Resize(ref _messages, Count);
        Array.Resize(ref _reactions, Count);
        Array.Resize(ref _threads, Count);
        Array.Resize(ref _talked, Count);
    }

    /// <summary>Adds a committed delta, as the writer's upsert did to the stored row (its bot flag replaces the row's).</summary>
    public void Add(int member, MemberDayDelta delta)
    {
        if (!TryPosition(member, out var at))
        {
            Append(member, delta.IsBot, delta.Messages, delta.Reactions, delta.Threads, delta.TalkMs > 0);
            return;
        }

        _talked[at] |= delta.TalkMs > 0;
        _bots[at] = delta.IsBot;
        _messages[at] = checked(_messages[at] + (int)delta.Messages);
        _reactions[at] = checked(_reactions[at] + (int)delta.Reactions);
        _threads[at] = checked(_threads[at] + (int)delta.Threads);
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
        if (at != last)
        {
            (_members[at], _bots[at], _messages[at], _reactions[at], _threads[at]) = (_members[last], _bots[last], _messages[last], _reactions[last], _threads[last]);
            _talked[at] = _talked[last];
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
    public bool IsActiveAt(int position, bool bots) => (bots || !_bots[position]) && IsActiveAt(position);

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

    private void Changed() => (_activeHumans, _activeAll) = (-1, -1);
}
