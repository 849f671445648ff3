namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>The brute forces' local days: through local dates, not the product's arithmetic.</summary>
internal static class LocalDays
{
    /// <summary>The local date of an instant as days since 1970-01-01.</summary>
    public static int LocalDay(TimeZoneInfo zone, long unixMs) =>
        (int)(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone).Date - DateTime.UnixEpoch.Date).TotalDays;

    /// <summary>The UTC instant local day <paramref name="day"/> starts at (midnight exists in the tests' zones on every day).</summary>
    public static long LocalDayStartMs(TimeZoneInfo zone, int day) =>
        new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(DateTime.UnixEpoch.AddDays(day), DateTimeKind.Unspecified), zone)).ToUnixTimeMilliseconds();
}
