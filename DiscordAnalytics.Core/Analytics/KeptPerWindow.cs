using System.Collections.Concurrent;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Something computed per guild and window (a window's settled sums, a leaderboard's sorted places) and kept for the few
/// windows asked last in each guild, while the caller says it is still current: a dashboard asks the same windows again
/// and again, and a window that moves on (a new day) is dropped once enough others were asked after it.
/// </summary>
/// <typeparam name="TKey">What tells the windows apart (days, bots, rules).</typeparam>
/// <typeparam name="T">What is kept; replaced whole, so a caller holding the previous one finishes with it.</typeparam>
internal sealed class KeptPerWindow<TKey, T>(int capacity)
    where TKey : IEquatable<TKey>
    where T : class
{
    private readonly ConcurrentDictionary<long, List<(TKey Key, T Value)>> _guilds = new();
    private long _made;

    /// <summary>How many values were made (what the tests hold the versions to).</summary>
    public long Made => Interlocked.Read(ref _made);

    /// <summary>The guild's kept value for <paramref name="key"/> when <paramref name="isCurrent"/> says it still is, else <paramref name="make"/>'s, kept.</summary>
    public T GetOrMake(long guildId, TKey key, Func<T, bool> isCurrent, Func<T> make)
    {
        ArgumentNullException.ThrowIfNull(isCurrent);
        ArgumentNullException.ThrowIfNull(make);
        var kept = _guilds.GetOrAdd(guildId, _ => []);
        lock (kept)
        {
            var at = kept.FindIndex(k => k.Key.Equals(key));
            var value = at >= 0 && isCurrent(kept[at].Value) ? kept[at].Value : null;
            if (at >= 0)
            {
                kept.RemoveAt(at);
            }

            if (value is null)
            {
                value = make();
                Interlocked.Increment(ref _made);
            }

            // Most recently asked last; the least recently asked goes first.
            kept.Add((key, value));
            if (kept.Count > capacity)
            {
                kept.RemoveAt(0);
            }

            return value;
        }
    }
}
