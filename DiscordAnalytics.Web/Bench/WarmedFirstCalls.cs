using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.WarmUp;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// <c>bench cards</c>' second table: what a dashboard opened after the background warm-up (<see cref="KeptWindowsWarmUp"/>)
/// waits for. On app services of their own (nothing kept from the cold table before it), the warm-up's pass over the
/// standard windows, each window's duration printed with how much the managed heap grew, then every card's first call
/// per window, once each.
/// </summary>
internal static class WarmedFirstCalls
{
    /// <summary>Prints the warm-up and the table; returns the slowest first call of a warmed window.</summary>
    public static async Task<double> MeasureAsync(
        ServiceProvider fresh, ulong guildId, IReadOnlyList<(AnalyticsQuery Query, int Days)> windows, double baseline, List<string> failures, TextWriter output, CancellationToken cancellationToken)
    {
        var warmUp = fresh.GetRequiredService<KeptWindowsWarmUp>();
        var heldBefore = GC.GetTotalMemory(forceFullCollection: true);
        var warmed = KeptWindowsWarmUp.StandardWindows.Where(d => windows.Any(w => w.Days == d)).ToList();
        output.WriteLine();
        output.WriteLine("warm-up (the background pass after a start, on new app services; one guild and window at a time):");
        foreach (var days in warmed)
        {
            var took = await warmUp.WarmAsync(guildId, days, cancellationToken);
            output.WriteLine($"  {days}-day window: {took.TotalMilliseconds:N0} ms");
        }

        var heldAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"  managed heap after a full collection: {(heldAfter - heldBefore) / 1_048_576.0:+0.0;-0.0} MiB over before the warm-up");
        output.WriteLine();
        output.WriteLine("first call after the warm-up (each card once per window; a window the warm-up does not cover is a cold first call)");
        return await TimeOnceAsync(new CardQueries(fresh).Cards, windows, warmed, "after the warm-up", baseline, failures, output, cancellationToken);
    }

    /// <summary>
    /// Times each of <paramref name="cards"/> once per window and prints a row each under a header of the windows;
    /// returns the slowest call of a window in <paramref name="warmed"/>. A failed call is listed as <paramref name="when"/>.
    /// </summary>
    internal static async Task<double> TimeOnceAsync(
        IEnumerable<(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run)> cards,
        IReadOnlyList<(AnalyticsQuery Query, int Days)> windows,
        IReadOnlyCollection<int> warmed,
        string when,
        double baseline,
        List<string> failures,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        output.WriteLine($"{"card",-22}" + string.Concat(windows.Select(w => $"{w.Days + "d",19}")));
        var worst = 0.0;
        foreach (var (name, card) in cards)
        {
            var times = new List<double>();
            foreach (var (query, days) in windows)
            {
                times.Add(await CardsBenchmark.OrFailedAsync(failures, $"{name} {days}d {when}", () => CardsBenchmark.MedianMsAsync(1, () => card(query, cancellationToken))));
                if (warmed.Contains(days) && double.IsFinite(times[^1]))
                {
                    worst = Math.Max(worst, times[^1]);
                }
            }

            output.WriteLine(CardsBenchmark.Row(name, times, baseline));
        }

        return worst;
    }
}
