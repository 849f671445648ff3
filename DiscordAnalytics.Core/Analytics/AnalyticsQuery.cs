namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// A parsed stats question (Plausible-style): which guild, which window, how many list entries, whether
/// bots count. Parsed once, then handed to each card's query.
/// </summary>
public sealed record AnalyticsQuery(ulong GuildId, AnalyticsWindow Window, int Top, bool IncludeBots)
{
    public const int DefaultTop = 10;

    public const int MaxTop = 100;

    /// <summary>The longest custom range accepted (a year and a day: a leap year plus today).</summary>
    public const int MaxWindowDays = 366;

    /// <summary>
    /// Only members who held this role at any time in the window (<c>roleId=</c>): member-level numbers are theirs;
    /// channel-level numbers are not filtered. Null: everyone.
    /// </summary>
    public ulong? RoleId { get; init; }

    /// <summary>The same question about the previous window of equal length.</summary>
    public AnalyticsQuery Previous => this with { Window = Window.Previous };
}
