namespace DiscordAnalytics.Core.Metrics;

/// <summary>What the metrics read from the store, and when (epoch ms); see <see cref="StoreReadingsCache"/>.</summary>
/// <param name="DeadLetters">Null when the dead letters could not be counted.</param>
public sealed record StoreReadings(IReadOnlyList<GuildToday> Guilds, int? DeadLetters, long ReadAt)
{
    public static StoreReadings None { get; } = new([], null, long.MinValue);
}
