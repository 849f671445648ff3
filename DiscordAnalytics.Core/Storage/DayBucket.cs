namespace DiscordAnalytics.Core.Storage;

/// <summary>UTC day buckets: <c>bucket = floor(ms / 86,400,000)</c> (docs/how-it-counts.md).</summary>
public static class DayBucket
{
    public const long MillisecondsPerDay = 86_400_000;

    public static int FromUnixMs(long unixMs) => (int)Math.Floor(unixMs / (double)MillisecondsPerDay);

    public static long StartMs(int day) => day * MillisecondsPerDay;

    public static DateOnly ToDate(int day) => DateOnly.FromDayNumber(UnixEpochDayNumber + day);

    public static int FromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
}
