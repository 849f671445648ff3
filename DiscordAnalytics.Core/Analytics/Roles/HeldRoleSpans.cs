using System.Collections.Concurrent;

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

    /// <summary>A member held the role from <see cref="FromAt"/> to <see cref="ToAt"/> (null while held), epoch ms.</summary>
    internal readonly record struct Span(long User, long FromAt, long? ToAt, bool HeldWhenFirstSeen)
    {
        public bool Overlaps(long startAt, long endAt) => FromAt < endAt && (ToAt is not { } to || to > startAt);
    }
}
