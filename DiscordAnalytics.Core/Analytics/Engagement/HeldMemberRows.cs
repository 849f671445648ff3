using System.Runtime.CompilerServices;
using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// One guild's member rows as the lurkers card reads them (user, bot flag, latest join, latest leave), at the stored
/// version they were read at (<see cref="Storage.Entities.MemberRowVersion"/>): replaced whole when that moves, never
/// changed. Beside them, what is reused between reloads: each row's member-day index and, per window, how many rows
/// are present and how many of those were active on the window's days but its last (valid while the member days hand
/// back the same sums of those days, brought up to date by the members whose being active flipped in them). A reload
/// after a live event then passes over the last day's members and the flipped ones only.
/// Guarded by <see cref="Gate"/>, taken inside the member days' gate.
/// </summary>
internal sealed class HeldMemberRows
{
    /// <summary>Windows whose counts are kept: a dashboard's few windows, with and without bots.</summary>
    private const int KeptWindows = 12;

    private readonly long[] _users;
    private readonly bool[] _bots;
    private readonly long?[] _joinedAt;
    private readonly long?[] _leftAt;
    private readonly Dictionary<long, int> _rowOf;

    /// <summary>The member days' index of each row (-1: none yet), and the row of each member-day index (-1: no row).</summary>
    private int[] _memberOfRow = [];
    private int[] _rowOfMember = [];
    private int _resolved;
    private GuildMemberDays? _resolvedIn;

    private readonly List<Kept> _kept = [];

    /// <summary>Per holder set, its members present in each window asked (<see cref="PresentHolders"/>).</summary>
    private readonly ConditionalWeakTable<HashSet<long>, Dictionary<(long StartAt, long EndAt, bool Bots), HashSet<long>>> _presentHolders = new();

    public HeldMemberRows(long version, List<(long User, bool IsBot, long? JoinedAt, long? LeftAt)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Version = version;
        (_users, _bots, _joinedAt, _leftAt) = (new long[rows.Count], new bool[rows.Count], new long?[rows.Count], new long?[rows.Count]);
        _rowOf = new Dictionary<long, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            (_users[i], _bots[i], _joinedAt[i], _leftAt[i]) = rows[i];
            _rowOf[_users[i]] = i;
        }
    }

    /// <summary>The stored version of the guild's member rows these equal.</summary>
    public long Version { get; }

    public Lock Gate { get; } = new();

    /// <summary>
    /// Rows present in the window (<paramref name="startAt"/> to <paramref name="endAt"/>, ms; bots only with
    /// <paramref name="bots"/>), and how many of them were active in <paramref name="sums"/>. Runs under the member
    /// days' gate, as <paramref name="guild"/> and <paramref name="sums"/> must.
    /// </summary>
    public (long Present, long PresentActive) Count(GuildMemberDays guild, WindowSums sums, long startAt, long endAt, bool bots)
    {
        Resolve(guild);
        var closed = sums.Closed;
        var key = (startAt, endAt, bots);
        var at = _kept.FindIndex(k => k.Window == key);
        Kept? kept = null;
        if (at >= 0)
        {
            kept = _kept[at];
            _kept.RemoveAt(at);
            kept = ReferenceEquals(kept.Closed, closed) ? Adjusted(kept) : null;
        }

        kept ??= PassOverRows(closed, key);

        _kept.Add(kept);
        if (_kept.Count > KeptWindows)
        {
            _kept.RemoveAt(0);
        }

        return (kept.Present, kept.PresentActive + ActiveOnlyOnLastDay(sums, key));
    }

    /// <summary>
    /// Those of <paramref name="holders"/> (a role filter's set, <see cref="Roles.RoleHolders"/>) present in the window
    /// (<paramref name="startAt"/> to <paramref name="endAt"/>, ms; bots only with <paramref name="bots"/>): each holder
    /// looked up once per set and window, then kept with these rows (a set of its own, so its activity is kept like the
    /// holders', <see cref="Roles.RoleHolders.ActivityOf"/>). Shared: never change it. Runs under <see cref="Gate"/>.
    /// </summary>
    public HashSet<long> PresentHolders(HashSet<long> holders, long startAt, long endAt, bool bots)
    {
        ArgumentNullException.ThrowIfNull(holders);
        var windows = _presentHolders.GetValue(holders, _ => []);
        var window = (startAt, endAt, bots);
        if (!windows.TryGetValue(window, out var present))
        {
            present = [.. holders.Where(user => _rowOf.TryGetValue(user, out var row) && IsPresent(row, window))];
            windows[window] = present;
        }

        return present;
    }

    /// <summary>
    /// A kept count brought up to the sums it was counted from, which took the member days' commits since (late events on
    /// the closed days): only the members whose being active flipped are looked at. Null when those are no longer all known.
    /// </summary>
    private Kept? Adjusted(Kept kept)
    {
        if (!kept.Closed.FlipsSince(kept.Flips, out var flips))
        {
            return null;
        }

        var active = kept.PresentActive;
        foreach (var (member, nowActive) in flips)
        {
            if (member < _resolved && _rowOfMember[member] is var row and >= 0 && IsPresent(row, kept.Window))
            {
                active += nowActive ? 1 : -1;
            }
        }

        return kept with { PresentActive = active, Flips = kept.Closed.Flips };
    }

    /// <summary>Every row once: present in the window, and active on one of the closed days.</summary>
    private Kept PassOverRows(MemberSums closed, (long StartAt, long EndAt, bool Bots) window)
    {
        var (present, active) = (0L, 0L);
        for (var row = 0; row < _users.Length; row++)
        {
            if (IsPresent(row, window))
            {
                present++;
                active += _memberOfRow[row] is var member and >= 0 && closed.IsActive(member) ? 1 : 0;
            }
        }

        return new Kept(window, closed, closed.Flips, present, active);
    }

    /// <summary>Present rows active on the window's last day and none of the closed ones: the last day's members only.</summary>
    private long ActiveOnlyOnLastDay(WindowSums sums, (long StartAt, long EndAt, bool Bots) window)
    {
        if (sums.LastDay is not { } last)
        {
            return 0;
        }

        var count = 0L;
        for (var i = 0; i < last.Count; i++)
        {
            var member = last.MemberAt(i);
            if (last.IsActiveAt(i, window.Bots) && !sums.Closed.IsActive(member)
                && member < _resolved && _rowOfMember[member] is var row and >= 0 && IsPresent(row, window))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A row is present when one of the stays it tells of overlaps the window: the stay since the latest join (or since
    /// always) when the member has not left since, and the stay that ended with the latest leave.
    /// </summary>
    private bool IsPresent(int row, (long StartAt, long EndAt, bool Bots) window)
    {
        if (!window.Bots && _bots[row])
        {
            return false;
        }

        var (joined, left) = (_joinedAt[row], _leftAt[row]);
        return ((left is null || joined > left) && (joined is null || joined < window.EndAt))
            || (left is { } l && l > window.StartAt && (joined is null || joined > l || joined < window.EndAt));
    }

    /// <summary>Maps the member days' indexes given since the last call (new members) to rows; all again when the guild's days were dropped and read anew.</summary>
    private void Resolve(GuildMemberDays guild)
    {
        if (!ReferenceEquals(_resolvedIn, guild))
        {
            (_resolvedIn, _resolved) = (guild, 0);
            _memberOfRow = new int[_users.Length];
            Array.Fill(_memberOfRow, -1);
            _rowOfMember = [];
            _kept.Clear();
        }

        var members = guild.MemberCount;
        if (members == _resolved)
        {
            return;
        }

        if (_rowOfMember.Length < members)
        {
            Array.Resize(ref _rowOfMember, Math.Max(members, _rowOfMember.Length * 2));
        }

        for (var member = _resolved; member < members; member++)
        {
            var row = _rowOf.TryGetValue(guild.UserAt(member), out var found) ? found : -1;
            _rowOfMember[member] = row;
            if (row >= 0)
            {
                _memberOfRow[row] = member;
            }
        }

        _resolved = members;
    }

    /// <summary>A window's counts over its closed days, valid for <see cref="Closed"/> as it was after flip number <see cref="Flips"/>.</summary>
    private sealed record Kept((long StartAt, long EndAt, bool Bots) Window, MemberSums Closed, long Flips, long Present, long PresentActive);
}
