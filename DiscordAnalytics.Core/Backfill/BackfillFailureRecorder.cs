using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Marks a run failed when something outside the runner ended it: the job server gave up on its job or the job
/// was deleted. The runner records its own failures; without this such a run would stay queued or running, and
/// block a new run of its guild, until the owner cancelled it. Synchronous: job-server state filters are.
/// </summary>
public sealed partial class BackfillFailureRecorder(
    IDbContextFactory<AnalyticsDbContext> contexts,
    BackfillRegistry registry,
    BackfillNotifier notifier,
    TimeProvider time,
    ILogger<BackfillFailureRecorder> logger)
{
    /// <summary>Longest reason stored; the settings page shows it as is.</summary>
    public const int MaxReasonLength = 280;

    /// <summary>
    /// Fails run <paramref name="runId"/> with <paramref name="reason"/> (no secrets, no content) if it is still
    /// queued or running; a run paused, cancelled or finished meanwhile keeps that state. True when it changed.
    /// </summary>
    public bool Record(long runId, string reason)
    {
        var error = TextClip.ToLength(reason, MaxReasonLength);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var db = contexts.CreateDbContext();
        var changed = db.BackfillRuns
            .Where(r => r.RunId == runId && (r.State == BackfillState.Queued || r.State == BackfillState.Running))
            .ExecuteUpdate(s => s
                .SetProperty(r => r.State, BackfillState.Failed)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.FinishedAt, now));
        if (changed == 0)
        {
            return false;
        }

        // A job deleted while it executes: stop it at its next page rather than when the job server notices.
        registry.Stop(runId);
        var guildId = db.BackfillRuns.AsNoTracking().Where(r => r.RunId == runId).Select(r => r.GuildId).Single();
        LogFailed(logger, runId, guildId, error);
        notifier.Publish((ulong)guildId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill run {RunId} of guild {GuildId} marked failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, long runId, long guildId, string? reason);
}
