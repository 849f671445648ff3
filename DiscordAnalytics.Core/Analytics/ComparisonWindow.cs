using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The previous window of a comparison, cut to the time the current window has run so far: the same length
/// of days before it, ending at the same time of day. A window that is over (it ends before now) compares
/// whole days with whole days.
/// </summary>
/// <param name="StartAt">Inclusive start, epoch ms (UTC midnight).</param>
/// <param name="EndAt">Exclusive end, epoch ms: the cut (UTC midnight when nothing is cut).</param>
public sealed record ComparisonWindow(long StartAt, long EndAt)
{
    /// <summary>The first day, counted whole.</summary>
    public int StartDay => DayBucket.FromUnixMs(StartAt);

    /// <summary>Days before this one are whole; this day counts only before <see cref="EndAt"/> (when it is not midnight).</summary>
    public int CutDay => DayBucket.FromUnixMs(EndAt);

    /// <summary>True when the last day is cut inside (its first hours only).</summary>
    public bool HasPartialDay => EndAt > DayBucket.StartMs(CutDay);

    /// <summary>The previous window of <paramref name="current"/> at <paramref name="nowMs"/>.</summary>
    public static ComparisonWindow Before(AnalyticsWindow current, long nowMs)
    {
        // Elapsed time of the current window: all of it when it is over, none of it before it starts.
        var elapsedEnd = Math.Clamp(nowMs, current.StartAt, current.EndAt);
        var shift = current.Length * DayBucket.MillisecondsPerDay;
        return new ComparisonWindow(current.StartAt - shift, elapsedEnd - shift);
    }

    /// <summary>"7 days", "6 days + 14 h", "2 h 30 min": how long the compared span is, for captions.</summary>
    public string Span
    {
        get
        {
            var span = TimeSpan.FromMilliseconds(EndAt - StartAt);
            var days = (int)span.TotalDays;
            var parts = new List<string>();
            if (days > 0)
            {
                parts.Add(days == 1 ? "1 day" : $"{days} days");
            }

            var rest = span - TimeSpan.FromDays(days);
            if (rest.Hours > 0 || rest.Minutes > 0)
            {
                var time = rest.Minutes == 0 ? $"{rest.Hours} h" : rest.Hours == 0 ? $"{rest.Minutes} min" : $"{rest.Hours} h {rest.Minutes} min";
                parts.Add(time);
            }

            return parts.Count == 0 ? "0 min" : string.Join(" + ", parts);
        }
    }
}
