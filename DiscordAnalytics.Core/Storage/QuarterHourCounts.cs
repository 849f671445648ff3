using System.Buffers.Binary;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// How <see cref="Entities.ChannelDayQuarterHours.MessageCounts"/> is stored: the 96 quarter hours of one UTC day in
/// order, each a little-endian 32-bit count (384 bytes). The one place that knows the layout.
/// </summary>
public static class QuarterHourCounts
{
    public const int PerDay = 96;

    public const long QuarterHourMs = 900_000;

    public const int StoredLength = PerDay * sizeof(int);

    /// <summary>The quarter hour of its UTC day (0-95) that an instant falls in.</summary>
    public static int IndexOf(long unixMs) => (int)((unixMs - DayBucket.StartMs(DayBucket.FromUnixMs(unixMs))) / QuarterHourMs);

    /// <summary>Start of quarter hour <paramref name="index"/> of <paramref name="day"/> (epoch ms).</summary>
    public static long StartMs(int day, int index) => DayBucket.StartMs(day) + index * QuarterHourMs;

    /// <summary>Adds the stored counts to <paramref name="counts"/>; a shorter value (never written by us) adds zeros for the rest.</summary>
    public static void AddTo(ReadOnlySpan<byte> stored, Span<long> counts)
    {
        for (var i = 0; i < PerDay && (i + 1) * sizeof(int) <= stored.Length; i++)
        {
            counts[i] += BinaryPrimitives.ReadInt32LittleEndian(stored[(i * sizeof(int))..]);
        }
    }

    /// <summary>Writes 96 counts into <paramref name="stored"/> (<see cref="StoredLength"/> bytes).</summary>
    public static void Write(ReadOnlySpan<long> counts, Span<byte> stored)
    {
        for (var i = 0; i < PerDay; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(stored[(i * sizeof(int))..], checked((int)counts[i]));
        }
    }
}
