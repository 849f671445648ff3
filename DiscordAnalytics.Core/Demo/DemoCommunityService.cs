using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Runs the demo community: writes its history through the ingestion sink (all of <see cref="DemoOptions.HistoryDays"/>
/// on a fresh store, only the gap since the last stored event after a restart), then keeps it live until stopped.
/// A failure is retried after a backoff from the last stored event, like a restart (the store's dedupe absorbs the overlap).
/// </summary>
public sealed partial class DemoCommunityService : ResilientBackgroundService
{
    /// <summary>Re-generated before the last stored event; the store's dedupe absorbs it.</summary>
    public static readonly TimeSpan RestartOverlap = TimeSpan.FromDays(1);

    private const int ProgressEvery = 50_000;

    private readonly IOptions<DemoOptions> _options;
    private readonly IIngestionSink _sink;
    private readonly ILastEventAtReader _lastEventAtReader;
    private readonly SourceStatus _sourceStatus;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DemoCommunityService> _logger;
    private readonly Leadership.InstanceLeadership _leadership;

    public DemoCommunityService(
        IOptions<DemoOptions> options,
        IIngestionSink sink,
        ILastEventAtReader lastEventAtReader,
        SourceStatus sourceStatus,
        TimeProvider timeProvider,
        ILogger<DemoCommunityService> logger,
        Leadership.InstanceLeadership? leadership = null)
        : base(timeProvider, logger)
    {
        _leadership = leadership ?? Leadership.InstanceLeadership.Sole();
        _options = options;
        _sink = sink;
        _lastEventAtReader = lastEventAtReader;
        _sourceStatus = sourceStatus;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Only the leader of a shared store generates the community; a standby waits for its turn.</summary>
    protected override Task RunOnceAsync(CancellationToken stoppingToken) =>
        _leadership.RunWhileLeaderAsync(RunAsLeaderAsync, () => _sourceStatus.Set(SourceState.Standby, _leadership.Reason), stoppingToken);

    private async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        var settings = _options.Value;
        try
        {
            _sourceStatus.Set(SourceState.Demo, settings.SpeedUp && settings.LiveEventsPerSecond > 0
                ? $"Demo community (no bot token configured), live sped up to {settings.LiveEventsPerSecond:0.##} events/s"
                : "Demo community (no bot token configured)");
            var community = DemoCommunity.Create(settings.Seed);
            var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            var earliest = now - Math.Max(0, settings.HistoryDays) * DemoRhythm.DayMs;
            var lastEventAt = await _lastEventAtReader.GetLastEventAtAsync(community.GuildId, stoppingToken).ConfigureAwait(false);
            var from = lastEventAt is { } last ? Math.Max(earliest, last - (long)RestartOverlap.TotalMilliseconds) : earliest;
            LogHistoryStarting(_logger, community.GuildId, settings.Seed, from, now, lastEventAt is not null);

            var written = 0L;
            foreach (var ingestEvent in community.History(from, now))
            {
                await _sink.WriteAsync(ingestEvent, stoppingToken).ConfigureAwait(false);
                if (++written % ProgressEvery == 0)
                {
                    LogHistoryProgress(_logger, community.GuildId, written, ingestEvent.EventAt);
                }
            }

            LogHistoryWritten(_logger, community.GuildId, written);
            if (settings.LiveEventsPerSecond <= 0)
            {
                return;
            }

            if (!settings.SpeedUp)
            {
                // The history was written up to `now`; its continuation picks up exactly there.
                LogLiveAtHistoryPace(_logger, community.GuildId);
                var realTime = new DemoRealTimeActivity(community, now);
                await realTime.RunAsync(_sink, _timeProvider, stoppingToken).ConfigureAwait(false);
                LogLiveStopped(_logger, community.GuildId, realTime.Emitted);
                return;
            }

            var liveStart = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            LogLiveStarting(_logger, community.GuildId, settings.LiveEventsPerSecond);
            var live = new DemoLiveSimulator(community, Math.Max(liveStart, now));
            await live.RunAsync(_sink, settings.LiveEventsPerSecond, _timeProvider, stoppingToken).ConfigureAwait(false);
            LogLiveStopped(_logger, community.GuildId, live.Emitted);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(_logger);
        }
    }

    /// <summary>The demo is a convenience; its failure must not take the dashboard down, and it tries again.</summary>
    protected override void OnFailed(Exception exception, TimeSpan retryIn) =>
        _sourceStatus.Set(SourceState.Down, $"Demo community failed; {RetryBackoff.RetryingIn(retryIn)}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId} (seed {Seed}): writing history from {FromMs} to {ToMs} (resuming: {Resuming})")]
    private static partial void LogHistoryStarting(ILogger logger, ulong guildId, int seed, long fromMs, long toMs, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: {Written} history events written, at {EventAt}")]
    private static partial void LogHistoryProgress(ILogger logger, ulong guildId, long written, long eventAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: history done, {Written} events")]
    private static partial void LogHistoryWritten(ILogger logger, ulong guildId, long written);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: live at the history's pace (Demo:SpeedUp is off)")]
    private static partial void LogLiveAtHistoryPace(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: live sped up to {EventsPerSecond} events/s")]
    private static partial void LogLiveStarting(ILogger logger, ulong guildId, double eventsPerSecond);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: live stopped after {Emitted} events")]
    private static partial void LogLiveStopped(ILogger logger, ulong guildId, long emitted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo community stopped")]
    private static partial void LogStopped(ILogger logger);

}
