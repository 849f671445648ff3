namespace DiscordAnalytics.Core.Analytics;

/// <summary>One cell of the heat map: a local weekday and hour, and the messages sent in it over the window.</summary>
public sealed record HeatMapSlot(DayOfWeek Day, int Hour, long Messages);
