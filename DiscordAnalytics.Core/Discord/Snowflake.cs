namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Discord ids carry their creation time: <c>(id &gt;&gt; 22) + DiscordEpoch</c> is epoch milliseconds.
/// </summary>
public static class Snowflake
{
    /// <summary>2015-01-01T00:00:00Z in Unix milliseconds.</summary>
    public const long DiscordEpochMs = 1_420_070_400_000;

    /// <summary>The Unix milliseconds at which the object with this id was created.</summary>
    public static long ToUnixMs(ulong id) => (long)(id >> 22) + DiscordEpochMs;

    /// <summary>The smallest id that can have been created at <paramref name="unixMs"/> (a paging cursor).</summary>
    public static ulong FromUnixMs(long unixMs) => (ulong)(unixMs - DiscordEpochMs) << 22;

    /// <summary>Parses a JSON id string; null for anything that is not a positive 64-bit integer.</summary>
    public static ulong? TryParse(string? text) =>
        ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
