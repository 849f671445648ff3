using System.Collections.Immutable;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// When people talk: a day/night curve in each home time zone and quieter weekends. Fixed offsets (no
/// daylight saving) keep every day's events a pure function of the day.
/// </summary>
public static class DemoRhythm
{
    public const long DayMs = 86_400_000;
    public const long HourMs = 3_600_000;
    public const long MinuteMs = 60_000;

    /// <summary>Home zones: US Eastern (UTC-5) and Central Europe (UTC+1).</summary>
    public static readonly ImmutableArray<int> ZoneOffsetsHours = [-5, 1];

    /// <summary>Share of members living in each zone.</summary>
    public static readonly ImmutableArray<double> ZoneShares = [0.6, 0.4];

    /// <summary>Relative activity per local hour: quiet at night, peaking in the evening.</summary>
    public static readonly ImmutableArray<double> LocalHourWeights =
    [
        0.45, 0.28, 0.15, 0.08, 0.05, 0.05, 0.10, 0.25, 0.45, 0.60, 0.70, 0.75,
        0.85, 0.80, 0.80, 0.85, 0.90, 0.95, 1.00, 1.10, 1.20, 1.15, 0.95, 0.70,
    ];

    /// <summary>The local-hour weight of a UTC hour for a zone.</summary>
    public static double WeightAtUtcHour(int zone, int utcHour)
    {
        var local = ((utcHour + ZoneOffsetsHours[zone]) % 24 + 24) % 24;
        return LocalHourWeights[local];
    }

    /// <summary>Weekends are quieter; Mondays a little busier.</summary>
    public static double DayFactor(long day) => DayOfWeekOf(day) switch
    {
        DayOfWeek.Saturday => 0.72,
        DayOfWeek.Sunday => 0.66,
        DayOfWeek.Monday => 1.06,
        _ => 1.0,
    };

    /// <summary>The UTC weekday of a day bucket (<c>floor(ms / 86_400_000)</c>).</summary>
    public static DayOfWeek DayOfWeekOf(long day) => (DayOfWeek)(int)(((day + 4) % 7 + 7) % 7);
}
