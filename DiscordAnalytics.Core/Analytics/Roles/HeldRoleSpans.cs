using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// One guild's role spans as read at one stored version (<c>memberRoleSpanVersions</c>), grouped by role. Never changed
/// once made: a newer version replaces it whole, so a reader holding it finishes with what it read.
/// </summary>
internal sealed class HeldRoleSpans
{
    /// <summary>Holder sets kept per (role, window); a dashboard asks a handful. Past this many they are all made again.</summary>
    private const int KeptHolderSets = 64;

    private readonly Dictionary<long, Span[]> _byRole;
    private readonly ConcurrentDictionary<(long Role, long StartAt, long EndAt), HashSet<long>> _holders = new();
    private readonly ConcurrentDictionary<(long StartAt, long EndAt), IReadOnlyDictionary<long, RoleInWindow>> _windows = new();

    public HeldRoleSpans(long version, IEnumerable<(long Role, Span Span)> spans)
    {
        Version = version;
        _byRole = spans.GroupBy(s => s.Role).ToDictionary(g => g.Key, g => g.Select(s => s.Span).ToArray());
    }

    /// <summary>The stored version the spans equal.</summary>
    public long Version { get; }

    /// <summary>Every role with at least one span, and its spans.</summary>
    public IReadOnlyDictionary<long, Span[]> ByRole => _byRole;

    /// <summary>
    /// The members who held <paramref name="role"/> at any time from <paramref name="startAt"/> to <paramref name="endAt"/>
    /// (excluded): a span that began before the window ends and ended after it began, or has not ended. Made once per
    /// window and shared: the caller must not change it.
    /// </summary>
    public HashSet<long> Holders(long role, long startAt, long endAt)
    {
        var key = (role, startAt, endAt);
        if (_holders.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var holders = new HashSet<long>();
        foreach (var span in _byRole.GetValueOrDefault(role) ?? [])
        {
            if (span.Overlaps(startAt, endAt))
            {
                holders.Add(span.User);
            }
        }

        if (_holders.Count >= KeptHolderSets)
        {
            _holders.Clear();
        }

        return _holders.GetOrAdd(key, holders);
    }

    /// <summary>
    /// Every role held by someone in the window of days from <paramref name="startAt"/> to <paramref name="endAt"/> (whole
    /// days), with its holders (the sets of <see cref="Holders"/>) and per day of the window how many gained it (a span
    /// begun in the window, not one the member was first seen with) and lost it (a span ended in the window). Made once
    /// per window and shared: the caller must not change it.
    /// </summary>
    public IReadOnlyDictionary<long, RoleInWindow> InWindow(long startAt, long endAt)
    {
        if (_windows.TryGetValue((startAt, endAt), out var kept))
        {
            return kept;
        }

        var (startDay, days) = (DayBucket.FromUnixMs(startAt), DayBucket.FromUnixMs(endAt) - DayBucket.FromUnixMs(startAt));
        var roles = new Dictionary<long, RoleInWindow>();
        foreach (var (role, spans) in _byRole)
        {
            var (gained, lost, any) = (new int[days], new int[days], false);
            foreach (var span in spans.Where(s => s.Overlaps(startAt, endAt)))
            {
                any = true;
                if (span.FromAt >= startAt && !span.HeldWhenFirstSeen)
                {
                    gained[DayBucket.FromUnixMs(span.FromAt) - startDay]++;
                }

                if (span.ToAt is { } to && to < endAt)
                {
                    lost[DayBucket.FromUnixMs(to) - startDay]++;
                }
            }

            if (any)
            {
                roles[role] = new RoleInWindow(Holders(role, startAt, endAt), gained, lost);
            }
        }

        if (_windows.Count >= KeptHolderSets)
        {
            _windows.Clear();
        }

        return _windows.GetOrAdd((startAt, endAt), roles);
    }

    /// <summary>A role's holders in a window and, per day of it, how many gained and lost it.</summary>
    internal sealed record RoleInWindow(HashSet<long> Holders, int[] Gained, int[] Lost);

    /// <summary>A member held the role from <see cref="FromAt"/> to <see cref="ToAt"/> (null while held), epoch ms.</summary>
    internal readonly record struct Span(long User, long FromAt, long? ToAt, bool HeldWhenFirstSeen)
    {
        public bool Overlaps(long startAt, long endAt) => FromAt < endAt && (ToAt is not { } to || to > startAt);
    }
}
