using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>Whether an instant falls in a guild's quiet hours, read in the guild's time zone (UTC when it has none or an unknown one).</summary>
public static class QuietHours
{
    /// <summary>
    /// True when the local hour of <paramref name="now"/> is in [<paramref name="start"/>, <paramref name="end"/>); a
    /// start after the end spans midnight (22 to 7 is quiet from 22:00 to 06:59). Null hours: never quiet.
    /// </summary>
    public static bool IsQuiet(DateTimeOffset now, string? timeZone, int? start, int? end)
    {
        if (start is not { } from || end is not { } to || from == to)
        {
            return false;
        }

        var zone = IanaTimeZones.Find(timeZone) ?? TimeZoneInfo.Utc;
        var hour = TimeZoneInfo.ConvertTime(now, zone).Hour;
        return from < to ? hour >= from && hour < to : hour >= from || hour < to;
    }
}
