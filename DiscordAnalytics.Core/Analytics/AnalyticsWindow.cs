using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// A range of whole UTC days: <see cref="StartDay"/> included, <see cref="EndDay"/> excluded (day buckets).
/// </summary>
public sealed record AnalyticsWindow(WindowKind Kind, int StartDay, int EndDay)
{
    public int Length => EndDay - StartDay;

    /// <summary>The window of equal length just before this one, for deltas.</summary>
    public AnalyticsWindow Previous => this with { StartDay = StartDay - Length, EndDay = StartDay };

    public long StartAt => DayBucket.StartMs(StartDay);

    /// <summary>Exclusive end, epoch ms.</summary>
    public long EndAt => DayBucket.StartMs(EndDay);

    public DateOnly FirstDate => DayBucket.ToDate(StartDay);

    public DateOnly LastDate => DayBucket.ToDate(EndDay - 1);

    /// <summary>The summary contract's name of the kind: <c>last_7_days</c>, ..., <c>custom</c>.</summary>
    public string KindName => Kind switch
    {
        WindowKind.Last7Days => "last_7_days",
        WindowKind.Last30Days => "last_30_days",
        WindowKind.Last90Days => "last_90_days",
        _ => "custom",
    };

    /// <summary>The last <paramref name="days"/> whole UTC days ending with <paramref name="today"/> (included).</summary>
    public static AnalyticsWindow Last(int days, int today) => new(
        days switch { 7 => WindowKind.Last7Days, 30 => WindowKind.Last30Days, 90 => WindowKind.Last90Days, _ => WindowKind.Custom },
        today - days + 1,
        today + 1);

    /// <summary><paramref name="first"/>..<paramref name="last"/> inclusive.</summary>
    public static AnalyticsWindow Between(DateOnly first, DateOnly last) =>
        new(WindowKind.Custom, DayBucket.FromDate(first), DayBucket.FromDate(last) + 1);
}
