using System.Globalization;
using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Web.Components.Cards;

/// <summary>
/// The CSV export (<c>/api/guilds/{id}/export/{table}.csv</c>) of a card, for the card's own guild and window.
/// The window goes as explicit dates, so the file holds the days the card showed even when it is opened a day later.
/// </summary>
public static class CsvExport
{
    /// <summary>A link relative to the page's base address (the app may live under a path base).</summary>
    /// <param name="view">
    /// What else the card shows its rows by (the leaderboard's <c>by</c>), as query parameters: the file holds the rows
    /// the card showed, not the card's default view.
    /// </param>
    public static string Href(AnalyticsQuery query, string table, IReadOnlyList<KeyValuePair<string, string>>? view = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extra = string.Concat((view ?? []).Select(p => $"&{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"api/guilds/{query.GuildId}/export/{table}.csv?window=custom&start={query.Window.FirstDate:yyyy-MM-dd}&end={query.Window.LastDate:yyyy-MM-dd}{(query.RoleId is { } role ? $"&roleId={role}" : "")}{extra}");
    }

    /// <summary>The file name the browser saves: table, guild and days, so two downloads never overwrite each other.</summary>
    public static string FileName(AnalyticsQuery query, string table, IReadOnlyList<KeyValuePair<string, string>>? view = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var viewed = string.Concat((view ?? []).Select(p => $"-{p.Key}-{p.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{table}{viewed}-{query.GuildId}{(query.RoleId is { } role ? $"-role-{role}" : "")}-{query.Window.FirstDate:yyyy-MM-dd}-to-{query.Window.LastDate:yyyy-MM-dd}.csv");
    }
}
