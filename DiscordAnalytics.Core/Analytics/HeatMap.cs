namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages per weekday and hour of the day in the guild's time zone over a window (the heat map card).
/// </summary>
/// <param name="TimeZone">The IANA id the hours are in.</param>
/// <param name="Cells">[weekday, Sunday = 0][hour 0-23]: message counts.</param>
public sealed record HeatMap(string TimeZone, IReadOnlyList<IReadOnlyList<long>> Cells)
{
    public long Total => Cells.Sum(day => day.Sum());

    /// <summary>The slot with the most messages (earliest in the week on a tie, Monday first); null when there are none.</summary>
    public HeatMapSlot? Busiest =>
        MondayFirst
            .SelectMany(day => Enumerable.Range(0, 24).Select(hour => new HeatMapSlot(day, hour, Cells[(int)day][hour])))
            .Where(s => s.Messages > 0)
            .OrderByDescending(s => s.Messages)
            .FirstOrDefault();

    /// <summary>The order the card draws rows in.</summary>
    public static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
