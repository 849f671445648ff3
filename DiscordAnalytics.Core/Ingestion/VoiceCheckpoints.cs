using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Every <see cref="IngestionOptions.VoiceCheckpointInterval"/>, hands the writer a voice checkpoint for each guild with
/// someone in voice, so open sessions are counted as they pass and a crash loses at most one interval of them. Through
/// the ingestion queue like any event: the writer alone changes sessions, in order with the voice states.
/// </summary>
public sealed partial class VoiceCheckpoints(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IIngestionSink sink,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<VoiceCheckpoints> logger) : BackgroundService
{
    /// <summary>One round: a checkpoint at now for every guild with an open session. Returns how many were handed over.</summary>
    public async Task<int> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var guilds = await db.VoiceSessions.Where(s => s.ChannelId != 0).Select(s => s.GuildId).Distinct().ToListAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var guild in guilds)
        {
            await sink.WriteAsync(new IngestEvent { Type = IngestEventType.VoiceCheckpoint, GuildId = (ulong)guild, EventAt = now }, cancellationToken);
        }

        return guilds.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.VoiceCheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store may be refusing reads for a moment; the next tick tries again.
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice checkpoint round failed ({Problem}); next round at the next interval")]
    private static partial void LogFailed(ILogger logger, string problem);
}
