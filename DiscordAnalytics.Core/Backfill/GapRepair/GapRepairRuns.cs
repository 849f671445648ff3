using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Backfill.GapRepair;

/// <summary>
/// Creates the backfill run that repairs one guild's gap: from the last stored event minus the margin (at most
/// <c>Backfill:MaxDays</c> back) to now, over the channels with stored activity (the runner adds the threads Discord
/// lists as active). One gap repair per guild at a time: a repair still queued or running is superseded (cancelled,
/// and the new run reaches back to its cut-off too), so nothing it had left to do is lost.
/// </summary>
public sealed partial class GapRepairRuns(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IBackfillScheduler scheduler,
    BackfillRegistry registry,
    BackfillNotifier notifier,
    IOptions<BackfillOptions> options,
    ILogger<GapRepairRuns> logger)
{
    /// <summary>Stores and enqueues the repair of the span after <paramref name="lastEventAt"/>; the run id, or null when the guild has no channel to page.</summary>
    public async Task<long?> StartAsync(ulong guildId, long lastEventAt, long now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = Math.Max(lastEventAt - (long)settings.GapRepairMargin.TotalMilliseconds, now - (settings.MaxDays * DayBucket.MillisecondsPerDay));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var channels = await db.ChannelDailyRollups.AsNoTracking()
            .Where(r => r.GuildId == (long)guildId)
            .Select(r => r.ChannelId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (channels.Count == 0)
        {
            LogNoChannels(logger, guildId);
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var superseded = await db.BackfillRuns.AsNoTracking()
            .Where(r => r.GuildId == (long)guildId && r.Kind == BackfillRunKind.GapRepair
                && (r.State == BackfillState.Queued || r.State == BackfillState.Running || r.State == BackfillState.Paused))
            .Select(r => new { r.RunId, r.CutoffAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var old in superseded)
        {
            cutoff = Math.Min(cutoff, old.CutoffAt);
        }

        var ids = superseded.Select(r => r.RunId).ToList();
        if (ids.Count > 0)
        {
            await db.BackfillRuns
                .Where(r => ids.Contains(r.RunId) && (r.State == BackfillState.Queued || r.State == BackfillState.Running || r.State == BackfillState.Paused))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, BackfillState.Cancelled)
                    .SetProperty(r => r.Error, "Superseded by a newer gap repair, which covers its span too.")
                    .SetProperty(r => r.FinishedAt, now), cancellationToken)
                .ConfigureAwait(false);
        }

        var run = new BackfillRun
        {
            GuildId = (long)guildId,
            Kind = BackfillRunKind.GapRepair,
            Days = (int)Math.Max(1, Math.Ceiling((now - cutoff) / (double)DayBucket.MillisecondsPerDay)),
            CutoffAt = cutoff,
            ChannelSelection = string.Join(',', channels),
            State = BackfillState.Queued,
            RequestedAt = now,
        };
        db.BackfillRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        foreach (var id in ids)
        {
            registry.Stop(id);
        }

        scheduler.EnqueueGapRepair(run.RunId);
        LogStarted(logger, run.RunId, guildId, lastEventAt, cutoff, channels.Count, ids.Count);
        notifier.Publish(guildId);
        return run.RunId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gap repair of guild {GuildId}: no channel has stored activity, nothing to page")]
    private static partial void LogNoChannels(ILogger logger, ulong guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gap repair run {RunId} of guild {GuildId}: last stored event at {LastEventAt}, importing from {CutoffAt} in {Channels} channels (superseding {Superseded} runs)")]
    private static partial void LogStarted(ILogger logger, long runId, ulong guildId, long lastEventAt, long cutoffAt, int channels, int superseded);
}
