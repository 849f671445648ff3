using System.Globalization;

namespace DiscordAnalytics.Core.Loops.OfficeHours;

/// <summary>
/// The pure arithmetic of office hours: which local weekday + hour a start falls in, the busiest slot, the next
/// occurrence of a slot, and the announcement text. Weeks run Monday to Sunday, so "earliest slot" on a tie is the
/// earliest in that week (Monday 00:00 first).
/// </summary>
public static class OfficeHoursSlot
{
    /// <summary>The slot index (0 = Monday 00:00 ... 167 = Sunday 23:00) of the instant <paramref name="unixMs"/> in <paramref name="zone"/>.</summary>
    public static int Of(long unixMs, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone);
        return (MondayFirst(local.DayOfWeek) * 24) + local.Hour;
    }

    /// <summary>The slot with the most starts (ties: the earliest slot of the week), or null when there are none.</summary>
    public static (int Slot, int Count)? Busiest(IEnumerable<int> slots)
    {
        var counts = new int[7 * 24];
        foreach (var slot in slots)
        {
            counts[slot]++;
        }

        var best = 0;
        for (var slot = 1; slot < counts.Length; slot++)
        {
            if (counts[slot] > counts[best])
            {
                best = slot;
            }
        }

        return counts[best] == 0 ? null : (best, counts[best]);
    }

    public static DayOfWeek Weekday(int slot) => (DayOfWeek)(((slot / 24) + 1) % 7);

    /// <summary>
    /// The first instant after <paramref name="now"/> at which the local clock in <paramref name="zone"/> reads the slot's
    /// weekday and hour:00. A local time skipped by a DST change does not happen that week (the next week's does); a local
    /// time that happens twice starts at its first occurrence.
    /// </summary>
    public static DateTimeOffset NextStart(int slot, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        for (var day = 0; day <= 14; day++)
        {
            var local = today.AddDays(day).AddHours(slot % 24);
            if (local.DayOfWeek != Weekday(slot) || zone.IsInvalidTime(local))
            {
                continue;
            }

            var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
            var start = new DateTimeOffset(local, offset);
            if (start > now)
            {
                return start.ToUniversalTime();
            }
        }

        throw new InvalidOperationException("A weekly slot always recurs within two weeks.");
    }

    /// <summary>The announcement: the slot, its zone, the help channel and the next start as a Discord timestamp; no names, no message content.</summary>
    public static string Text(int slot, string timeZone, string helpChannel, DateTimeOffset nextAt)
    {
        var hour = slot % 24;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Office hours: {Weekday(slot)} {hour:00}:00-{(hour + 1) % 24:00}:00 ({timeZone}) in #{helpChannel}. "
            + $"That is when most questions come in, so someone will be around to answer them live. Next one: <t:{nextAt.ToUnixTimeSeconds()}:F>.");
    }

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
