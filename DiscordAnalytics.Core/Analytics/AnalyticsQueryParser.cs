using System.Globalization;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Turns the HTTP/UI parameters (window=7d|30d|90d|custom, start, end, top) into an <see cref="AnalyticsQuery"/>,
/// or names the parameter that is wrong and why.
/// </summary>
public static class AnalyticsQueryParser
{
    public static bool TryParse(
        ulong guildId,
        string? window,
        string? start,
        string? end,
        string? top,
        int today,
        bool includeBots,
        out AnalyticsQuery query,
        out QueryParameterError? error)
    {
        query = null!;
        error = null;

        var count = AnalyticsQuery.DefaultTop;
        if (top is not null && (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > AnalyticsQuery.MaxTop))
        {
            error = new("top", $"top must be a whole number from 1 to {AnalyticsQuery.MaxTop}.");
            return false;
        }

        var kind = (window ?? (start is not null || end is not null ? "custom" : "7d")).Trim().ToLowerInvariant();
        AnalyticsWindow parsed;
        switch (kind)
        {
            case "7d" or "30d" or "90d":
                if (start is not null || end is not null)
                {
                    error = new(start is not null ? "start" : "end", "start and end are only allowed with window=custom.");
                    return false;
                }

                parsed = AnalyticsWindow.Last(int.Parse(kind[..^1], CultureInfo.InvariantCulture), today);
                break;
            case "custom":
                if (!TryParseDate("start", start, out var first, out error) || !TryParseDate("end", end, out var last, out error))
                {
                    return false;
                }

                if (last < first)
                {
                    error = new("end", "end must not be before start.");
                    return false;
                }

                parsed = AnalyticsWindow.Between(first, last);
                if (parsed.EndDay > today + 1)
                {
                    error = new("end", "end must not be after today (UTC).");
                    return false;
                }

                if (parsed.Length > AnalyticsQuery.MaxWindowDays)
                {
                    error = new("start", $"a custom window spans at most {AnalyticsQuery.MaxWindowDays} days.");
                    return false;
                }

                break;
            default:
                error = new("window", "window must be one of 7d, 30d, 90d, custom.");
                return false;
        }

        query = new AnalyticsQuery(guildId, parsed, count, includeBots);
        return true;
    }

    private static bool TryParseDate(string name, string? text, out DateOnly date, out QueryParameterError? error)
    {
        error = null;
        if (text is null)
        {
            date = default;
            error = new(name, $"{name} is required with window=custom (YYYY-MM-DD).");
            return false;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = new(name, $"{name} must be a date in the form YYYY-MM-DD.");
            return false;
        }

        if (date.Year < 2015)
        {
            error = new(name, $"{name} must not be before 2015 (Discord did not exist).");
            return false;
        }

        return true;
    }
}
