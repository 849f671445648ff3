namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The one way a time zone typed by an owner is read (the guild's display zone, a digest's schedule): IANA ids
/// (<c>Asia/Kathmandu</c>, <c>UTC</c>) the system knows, in any letter case, stored in their own spelling; never
/// Windows ids, so what is stored reads the same on every platform. Also what a time zone field suggests as the
/// owner types.
/// </summary>
public static class IanaTimeZones
{
    /// <summary>Longer input is refused before any lookup.</summary>
    public const int MaxLength = 64;

    /// <summary>Every IANA zone id the system knows, sorted ordinally (read once: the list does not change while running).</summary>
    public static IReadOnlyList<string> All { get; } = Load();

    private static readonly Dictionary<string, string> ByLowerCase = All.ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The id as the system spells it (<c>europe/berlin</c> -> <c>Europe/Berlin</c>); null when it is not an IANA id.</summary>
    public static string? Canonical(string? zoneId)
    {
        var trimmed = zoneId?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength ? null : ByLowerCase.GetValueOrDefault(trimmed);
    }

    /// <summary>The zone of an IANA id in any letter case; null for anything else.</summary>
    public static TimeZoneInfo? Find(string? zoneId) =>
        Canonical(zoneId) is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : null;

    /// <summary>
    /// Up to <paramref name="max"/> ids containing <paramref name="typed"/> (any case; a space matches an underscore),
    /// those starting with it or with it after a slash first: "berl" -> Europe/Berlin, "new y" -> America/New_York.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string? typed, int max = 20)
    {
        var needle = (typed ?? string.Empty).Trim().Replace(' ', '_');
        if (needle.Length == 0)
        {
            return [.. All.Take(max)];
        }

        return [.. All
            .Where(id => id.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(id => id.StartsWith(needle, StringComparison.OrdinalIgnoreCase) || id.Contains('/' + needle, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(id => id, StringComparer.Ordinal)
            .Take(max)];
    }

    private static List<string> Load()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal) { "UTC" };
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            if (zone.HasIanaId)
            {
                ids.Add(zone.Id);
            }
        }

        return [.. ids];
    }
}
