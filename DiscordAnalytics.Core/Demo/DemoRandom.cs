namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// A small, fast, seedable generator (SplitMix64). Ours rather than <see cref="Random"/> so the demo's
/// events stay identical across runtime versions: a restart must regenerate exactly the same ids.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _state;

    public DemoRandom(params long[] parts)
    {
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            state = Mix(state ^ (ulong)part);
        }

        _state = state;
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextULong() % (ulong)maxExclusive);

    /// <summary>Uniform in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long maxExclusive) => maxExclusive <= 1 ? 0 : (long)(NextULong() % (ulong)maxExclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An exponentially distributed delay with the given mean (memoryless waiting times).</summary>
    public long Exponential(double mean) => (long)(-Math.Log(1.0 - NextDouble()) * mean);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
