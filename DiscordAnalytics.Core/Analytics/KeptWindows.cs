namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The sums a holder keeps for the few windows asked of it (the window picked on a dashboard, the one before it, the
/// summary's), by window. A window that moves with the clock (an activity rule's) is a new one at each call, so once
/// <paramref name="most"/> are kept they are all dropped and the next ones kept instead: memory stays bounded. Not
/// thread-safe: its holder uses it one caller at a time.
/// </summary>
/// <typeparam name="TWindow">What is kept for one window; <paramref name="create"/> makes an empty one.</typeparam>
internal sealed class KeptWindows<TWindow>(int most, Func<long, long, TWindow> create)
{
    private readonly Dictionary<(long Start, long End), TWindow> _windows = [];

    /// <summary>Every window kept now (a holder patches them all when what they sum changes).</summary>
    public IEnumerable<TWindow> All => _windows.Values;

    /// <summary>The window's kept sums, or new empty ones.</summary>
    public TWindow Get(long start, long end)
    {
        if (!_windows.TryGetValue((start, end), out var window))
        {
            if (_windows.Count >= most)
            {
                _windows.Clear();
            }

            _windows[(start, end)] = window = create(start, end);
        }

        return window;
    }
}
