namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// Order statistics over several sorted arrays of milliseconds taken as one, without merging them: the k-th value is
/// found by bisecting the value range and counting with binary searches, so a window's median over its days' sorted
/// waits costs a few thousand comparisons whatever their number. Results equal <see cref="SupportSignalsQuery.Median"/>
/// and <see cref="SupportSignalsQuery.Percentile90"/> over the same values in minutes.
/// </summary>
internal static class SortedUnion
{
    private const double MsPerMinute = 60_000.0;

    public static long Count(IReadOnlyList<long[]> arrays) => arrays.Sum(a => (long)a.Length);

    /// <summary>The value at 0-based rank <paramref name="k"/> of all values together.</summary>
    public static long Kth(IReadOnlyList<long[]> arrays, long k)
    {
        long lo = long.MaxValue, hi = long.MinValue;
        foreach (var array in arrays)
        {
            if (array.Length > 0)
            {
                lo = Math.Min(lo, array[0]);
                hi = Math.Max(hi, array[^1]);
            }
        }

        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (AtOrBelow(arrays, mid) > k)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Median in minutes (mean of the two middle values for an even count), rounded to one decimal; null for none.</summary>
    public static double? Median(IReadOnlyList<long[]> arrays)
    {
        var count = Count(arrays);
        if (count == 0)
        {
            return null;
        }

        var middle = count / 2;
        var median = count % 2 == 1
            ? Kth(arrays, middle) / MsPerMinute
            : ((Kth(arrays, middle - 1) / MsPerMinute) + (Kth(arrays, middle) / MsPerMinute)) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>90th percentile by nearest rank in minutes, rounded to one decimal; null for none.</summary>
    public static double? Percentile90(IReadOnlyList<long[]> arrays)
    {
        var count = Count(arrays);
        if (count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(0.9 * count);
        return Math.Round(Kth(arrays, rank - 1) / MsPerMinute, 1, MidpointRounding.AwayFromZero);
    }

    private static long AtOrBelow(IReadOnlyList<long[]> arrays, long value)
    {
        long count = 0;
        foreach (var array in arrays)
        {
            count += UpperBound(array, value);
        }

        return count;
    }

    /// <summary>How many values of the sorted array are at or below <paramref name="value"/>.</summary>
    private static int UpperBound(long[] array, long value)
    {
        int lo = 0, hi = array.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (array[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
