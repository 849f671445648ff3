using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>The fixed "now" day-based tests share (Friday 2026-11-20, 12:00 UTC), its day bucket and times on the days before it.</summary>
public static class TestDays
{
    public const long Hour = 3_600_000;

    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static readonly long NowMs = Now.ToUnixTimeMilliseconds();

    public static readonly int Today = DayBucket.FromUnixMs(NowMs);

    /// <summary>09:00 UTC, <paramref name="daysAgo"/> days before today.</summary>
    public static long NineOClock(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (9 * Hour);
}
