using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Saving each channel's checkpoint after its page is committed, before its next page is asked for. The run row's
/// totals are read, added to and saved, so saves take turns; whoever takes the turn saves every checkpoint waiting by
/// then, in one transaction with the run's totals. A save per page, one at a time, put a serialized step on every
/// page's path once many channels paged at once; every checkpoint still lands with the totals that include it.
/// </summary>
public sealed partial class BackfillRunner
{
    private async Task CheckpointAsync(RunWork work, BackfillCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        work.WaitingCheckpoints.Enqueue(checkpoint);
        await work.RunRowGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Saved already when a channel that took the turn before found it waiting.
            if (!checkpoint.Saved.Task.IsCompleted)
            {
                await SaveWaitingCheckpointsAsync(work, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            work.RunRowGate.Release();
        }

        await checkpoint.Saved.Task.ConfigureAwait(false);
        notifier.Publish((ulong)work.Run.GuildId);
    }

    private async Task SaveWaitingCheckpointsAsync(RunWork work, CancellationToken cancellationToken)
    {
        var batch = new List<BackfillCheckpoint>();
        while (work.WaitingCheckpoints.TryDequeue(out var waiting))
        {
            batch.Add(waiting);
        }

        try
        {
            await SaveCheckpointsAsync(work, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // None of them is saved: each channel fails (or stops) as it did when it saved alone.
            foreach (var failed in batch)
            {
                failed.Saved.TrySetException(ex);
            }

            return;
        }

        foreach (var saved in batch)
        {
            saved.Saved.TrySetResult();
        }
    }

    private async Task SaveCheckpointsAsync(RunWork work, IReadOnlyList<BackfillCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var now = Now();
        var ids = checkpoints.Select(c => c.ChannelId).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var channels = await db.BackfillChannels
            .Where(c => c.RunId == work.Run.RunId && ids.Contains(c.ChannelId))
            .ToDictionaryAsync(c => c.ChannelId, cancellationToken)
            .ConfigureAwait(false);
        foreach (var checkpoint in checkpoints)
        {
            Apply(channels[checkpoint.ChannelId], checkpoint, now);
        }

        await AddRunTimeAsync(db, work, now, cancellationToken).ConfigureAwait(false);
        // The checkpoints are written only with the run's totals, in one transaction: after a kill both agree.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static void Apply(BackfillChannel channel, BackfillCheckpoint checkpoint, long now)
    {
        channel.Pages++;
        channel.Messages += checkpoint.Messages;
        channel.Reactions += checkpoint.Reactions;
        if (checkpoint.Oldest is { } id)
        {
            channel.OldestMessageId = (long)id;
            channel.OldestAt = Snowflake.ToUnixMs(id);
        }

        channel.State = checkpoint.Done ? BackfillChannelState.Done : BackfillChannelState.Running;
        channel.UpdatedAt = now;
    }
}
