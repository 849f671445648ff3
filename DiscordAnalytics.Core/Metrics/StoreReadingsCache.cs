using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion.DeadLetters;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Metrics;

/// <summary>
/// The metrics that need the store (per-guild today, dead letters), read at most once per <see cref="MaxAge"/>: a
/// scraper polling every second, or several scrapers, cost one totals and one voice query per guild every few seconds, never
/// one per scrape. Refreshed asynchronously before a scrape collects (the instruments' callbacks are synchronous
/// and only read <see cref="Current"/>).
/// </summary>
public sealed partial class StoreReadingsCache(
    GuildsQuery guilds,
    TotalsQuery totals,
    VoiceQuery voice,
    DeadLetterService deadLetters,
    IOptions<DiscordOptions> discord,
    TimeProvider time,
    ILogger<StoreReadingsCache> logger)
{
    /// <summary>How old the readings may be before a scrape reads the store again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile StoreReadings _current = StoreReadings.None;

    /// <summary>The last readings (<see cref="StoreReadings.None"/> before the first).</summary>
    public StoreReadings Current => _current;

    /// <summary>Reads the store when the readings are older than <see cref="MaxAge"/>; concurrent callers share one read.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!IsStale())
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsStale())
            {
                _current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    // Written so that the first readings' ReadAt (long.MinValue) cannot overflow the subtraction.
    private bool IsStale() => time.GetUtcNow().ToUnixTimeMilliseconds() - (long)MaxAge.TotalMilliseconds >= _current.ReadAt;

    private async Task<StoreReadings> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var today = DayBucket.FromUnixMs(now);
        var window = new AnalyticsWindow(WindowKind.Custom, today, today + 1);
        var includeBots = discord.Value.IncludeBots;
        List<GuildToday> guildsToday = [];
        int? deadLetterCount = null;
        try
        {
            foreach (var guild in await guilds.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                var query = new AnalyticsQuery((ulong)long.Parse(guild.GuildId, System.Globalization.CultureInfo.InvariantCulture), window, Top: 1, includeBots);
                var day = await totals.RunAsync(query, cancellationToken).ConfigureAwait(false);
                var voiced = await voice.RunAsync(query, [], cancellationToken).ConfigureAwait(false);
                guildsToday.Add(new GuildToday(guild.GuildId, guild.Name, day.Messages, day.ActiveMembers, voiced.Minutes));
            }

            deadLetterCount = await deadLetters.CountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store that cannot be read (or is not migrated yet) leaves these series out of the scrape; the rest of
            // the scrape (ingestion, store state, gateway) still answers and says why.
            LogUnreadable(logger, ex.GetType().Name);
            return new StoreReadings([], null, now);
        }

        return new StoreReadings(guildsToday, deadLetterCount, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics could not read the store ({Error}); per-guild and dead-letter series are left out")]
    private static partial void LogUnreadable(ILogger logger, string error);
}
