using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Runs the demo community: writes its history through the ingestion sink (all of <see cref="DemoOptions.HistoryDays"/>
/// on a fresh store, only the gap since the last stored event after a restart), then keeps it live until stopped.
/// </summary>
public sealed partial class DemoCommunityService(
    IOptions<DemoOptions> options,
    IIngestionSink sink,
    ILastEventAtReader lastEventAtReader,
    SourceStatus sourceStatus,
    TimeProvider timeProvider,
    ILogger<DemoCommunityService> logger) : BackgroundService
{
    /// <summary>Re-generated before the last stored event; the store's dedupe absorbs it.</summary>
    public static readonly TimeSpan RestartOverlap = TimeSpan.FromDays(1);

    private const int ProgressEvery = 50_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // History generation is CPU work; never hold up host start.
        await Task.Yield();
        var settings = options.Value;
        try
        {
            sourceStatus.Set(SourceState.Demo, "Demo community (no bot token configured)");
            var community = DemoCommunity.Create(settings.Seed);
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var earliest = now - Math.Max(0, settings.HistoryDays) * DemoRhythm.DayMs;
            var lastEventAt = await lastEventAtReader.GetLastEventAtAsync(community.GuildId, stoppingToken).ConfigureAwait(false);
            var from = lastEventAt is { } last ? Math.Max(earliest, last - (long)RestartOverlap.TotalMilliseconds) : earliest;
            LogHistoryStarting(logger, community.GuildId, settings.Seed, from, now, lastEventAt is not null);

            var written = 0L;
            foreach (var ingestEvent in community.History(from, now))
            {
                await sink.WriteAsync(ingestEvent, stoppingToken).ConfigureAwait(false);
                if (++written % ProgressEvery == 0)
                {
                    LogHistoryProgress(logger, community.GuildId, written, ingestEvent.EventAt);
                }
            }

            LogHistoryWritten(logger, community.GuildId, written);
            if (settings.LiveEventsPerSecond <= 0)
            {
                return;
            }

            var liveStart = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            LogLiveStarting(logger, community.GuildId, settings.LiveEventsPerSecond);
            var live = new DemoLiveSimulator(community, Math.Max(liveStart, now));
            await live.RunAsync(sink, settings.LiveEventsPerSecond, timeProvider, stoppingToken).ConfigureAwait(false);
            LogLiveStopped(logger, community.GuildId, live.Emitted);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
        catch (Exception exception)
        {
            // The demo is a convenience; its failure must not take the dashboard down.
            LogFailed(logger, exception);
            sourceStatus.Set(SourceState.Down, "Demo community failed; see the log");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId} (seed {Seed}): writing history from {FromMs} to {ToMs} (resuming: {Resuming})")]
    private static partial void LogHistoryStarting(ILogger logger, ulong guildId, int seed, long fromMs, long toMs, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: {Written} history events written, at {EventAt}")]
    private static partial void LogHistoryProgress(ILogger logger, ulong guildId, long written, long eventAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: history done, {Written} events")]
    private static partial void LogHistoryWritten(ILogger logger, ulong guildId, long written);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: live at {EventsPerSecond} events/s")]
    private static partial void LogLiveStarting(ILogger logger, ulong guildId, double eventsPerSecond);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: live stopped after {Emitted} events")]
    private static partial void LogLiveStopped(ILogger logger, ulong guildId, long emitted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo community stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo community failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
