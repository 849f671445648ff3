namespace DiscordAnalytics.Core.Analytics;

/// <summary>What the in-memory day indexes (channel days, member days) share: which held days are behind the store.</summary>
internal static class DayVersions
{
    /// <summary>
    /// The days of [<paramref name="start"/>, <paramref name="end"/>) not held (<paramref name="held"/> gives null) or held
    /// at a version older than <paramref name="stored"/>'s (a day without a stored version is at version 0), in order.
    /// </summary>
    public static List<int> Stale(int start, int end, IReadOnlyDictionary<int, long> stored, Func<int, long?> held)
    {
        var stale = new List<int>();
        for (var day = start; day < end; day++)
        {
            if (held(day) is not { } version || version < stored.GetValueOrDefault(day))
            {
                stale.Add(day);
            }
        }

        return stale;
    }
}
