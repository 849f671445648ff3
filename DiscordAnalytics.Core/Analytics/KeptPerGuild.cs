using System.Collections.Concurrent;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Something read whole per guild (a guild's member rows, its role spans) and kept while the version it was read at is
/// still the stored one: a call compares versions, and only a moved version reads again. One reader at a time per
/// guild, so many cards opened at once read it once.
/// </summary>
/// <typeparam name="T">What is kept; replaced whole, never changed, so a caller holding the previous one finishes with it.</typeparam>
internal sealed class KeptPerGuild<T>(Func<T, long> versionOf)
    where T : class
{
    private readonly ConcurrentDictionary<long, Slot> _guilds = new();
    private long _reads;

    /// <summary>How many times a guild's value was read whole (what the tests hold the versions to).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>The guild's kept value when it was read at <paramref name="stored"/>, else <paramref name="read"/>'s, kept.</summary>
    public async Task<T> GetAsync(long guildId, long stored, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var slot = _guilds.GetOrAdd(guildId, _ => new Slot());
        if (slot.Held is { } held && versionOf(held) == stored)
        {
            return held;
        }

        await slot.Loading.WaitAsync(cancellationToken);
        try
        {
            if (slot.Held is { } other && versionOf(other) == stored)
            {
                return other;
            }

            var value = await read(cancellationToken);
            Interlocked.Increment(ref _reads);
            slot.Held = value;
            return value;
        }
        finally
        {
            slot.Loading.Release();
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Loading { get; } = new(1, 1);

        public volatile T? Held;
    }
}
