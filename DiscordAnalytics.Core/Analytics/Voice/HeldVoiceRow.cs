using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// One <c>voiceDays</c> row in memory: a member's time in one channel on one UTC day, in milliseconds, by kind, and its
/// quarter hours with any time, each packed in one long (the quarter's index above bit 32, its milliseconds below).
/// </summary>
internal readonly record struct HeldVoiceRow(long Channel, long User, long TalkMs, long MutedMs, long AloneMs, long[] Quarters)
{
    public long TotalMs => TalkMs + MutedMs + AloneMs;

    public static int IndexOf(long packed) => (int)(packed >> 32);

    public static long MsOf(long packed) => (uint)packed;

    /// <summary>The quarter hours with time, in order.</summary>
    public static long[] Pack(ReadOnlySpan<long> quarterHourMs)
    {
        var count = 0;
        foreach (var ms in quarterHourMs)
        {
            count += ms != 0 ? 1 : 0;
        }

        var packed = new long[count];
        for (int i = 0, at = 0; i < quarterHourMs.Length; i++)
        {
            if (quarterHourMs[i] != 0)
            {
                packed[at++] = ((long)i << 32) | checked((uint)quarterHourMs[i]);
            }
        }

        return packed;
    }

    /// <summary>Adds the row's quarter hours to <paramref name="quarterHourMs"/> (96 entries).</summary>
    public void AddQuartersTo(Span<long> quarterHourMs)
    {
        foreach (var packed in Quarters)
        {
            quarterHourMs[IndexOf(packed)] += MsOf(packed);
        }
    }

    /// <summary>The row's time in the quarter hours of its day that start before <paramref name="endAt"/> (a cut day's first hours).</summary>
    public long MsBefore(int day, long endAt)
    {
        long sum = 0;
        foreach (var packed in Quarters)
        {
            if (QuarterHourCounts.StartMs(day, IndexOf(packed)) < endAt)
            {
                sum += MsOf(packed);
            }
        }

        return sum;
    }
}
