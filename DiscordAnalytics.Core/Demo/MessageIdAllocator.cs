namespace DiscordAnalytics.Core.Demo;

/// <summary>Hands out message snowflakes of an exact millisecond, unique within one worker and process.</summary>
internal sealed class MessageIdAllocator(int worker, int process)
{
    private readonly Dictionary<long, int> _used = [];

    public ulong Next(long unixMs)
    {
        _used.TryGetValue(unixMs, out var increment);
        if (increment >= 4096)
        {
            throw new InvalidOperationException("More than 4096 demo messages in one millisecond.");
        }

        _used[unixMs] = increment + 1;
        return DemoIds.Make(unixMs, worker, process, increment);
    }

    /// <summary>Forgets milliseconds before <paramref name="unixMs"/> (live mode never goes back in time).</summary>
    public void ForgetBefore(long unixMs)
    {
        foreach (var key in _used.Keys.Where(k => k < unixMs).ToList())
        {
            _used.Remove(key);
        }
    }
}
