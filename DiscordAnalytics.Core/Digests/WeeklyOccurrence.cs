namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// "Every &lt;day&gt; at &lt;hour&gt;:00" in an IANA time zone, as UTC instants. Across DST: an hour that does not
/// exist that day (clocks spring forward over it) runs at the first local minute after the gap; an hour that
/// happens twice (clocks fall back) runs at its first occurrence, once.
/// </summary>
public static class WeeklyOccurrence
{
    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(DayOfWeek day, int hour, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var localDate = TimeZoneInfo.ConvertTime(after, zone).Date;
        // Up to 14 days: the candidate on this week's day may lie before 'after'; next week's never does.
        for (var offset = -1; offset <= 14; offset++)
        {
            var date = localDate.AddDays(offset);
            if (date.DayOfWeek != day)
            {
                continue;
            }

            var instant = ToInstant(date.AddHours(hour), zone);
            if (instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException("No weekly occurrence within two weeks (unreachable).");
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Skipped hour: move to the first local minute that exists (gaps are at most a few hours).
        var minutes = 0;
        while (zone.IsInvalidTime(local) && minutes++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
