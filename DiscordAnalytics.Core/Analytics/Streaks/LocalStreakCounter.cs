namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Daily streaks whose days are the guild's local days. The member days are UTC days, and a UTC day with activity does
/// not say on which of the two local days it touches the activity fell, so this reads what is stored per item with a
/// time: each member's quarter hours with a counted message (present message facts by creation time), a present
/// reaction (by its message's creation time: a reaction counts on its message's day, as everywhere) or talking with others
/// in voice (the voice rollups' talk time per quarter hour). Every real UTC offset, and every DST
/// change, is a whole number of quarter hours, so each quarter hour lies in one local day. The reads, kept per UTC day
/// and read again only when a day's version moves, are <see cref="LocalStreakDays"/>.
/// </summary>
internal static class LocalStreakCounter
{
    private const long MsPerDay = 86_400_000;

    /// <summary>True for a zone whose local days are the UTC days: the member days count those exactly and faster.</summary>
    public static bool IsUtc(TimeZoneInfo zone) => zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    /// <summary>The local date of an instant as a day number (days since 1970-01-01 local).</summary>
    public static int LocalDay(TimeZoneInfo zone, long unixMs)
    {
        var offset = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs)).TotalMilliseconds;
        return (int)Math.Floor((unixMs + offset) / (double)MsPerDay);
    }

    /// <summary>
    /// A member's current and longest streak over their local <paramref name="days"/> up to <paramref name="today"/>: the
    /// current streak ends today, or yesterday when today has no counted activity yet.
    /// </summary>
    public static (int Current, int Longest) Count(HashSet<int> days, int today)
    {
        var (last, run, longest) = (int.MinValue, 0, 0);
        foreach (var day in days.Where(d => d <= today).Order())
        {
            run = last == day - 1 ? run + 1 : 1;
            last = day;
            longest = Math.Max(longest, run);
        }

        return (last >= today - 1 ? run : 0, longest);
    }
}
