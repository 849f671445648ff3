using System.Globalization;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>Turns stored run and channel rows (plus the live execution, if any) into a <see cref="BackfillStatus"/>.</summary>
internal static class BackfillStatusBuilder
{
    public static BackfillStatus Build(BackfillRun run, IReadOnlyList<BackfillChannel> rows, BackfillExecution? execution, string source, long now)
    {
        var span = Math.Max(1, run.RequestedAt - run.CutoffAt);
        var channels = rows.Select(c => new BackfillChannelStatus(
            c.ChannelId.ToString(CultureInfo.InvariantCulture),
            c.Name,
            c.ParentId?.ToString(CultureInfo.InvariantCulture),
            c.IsThread,
            c.State,
            c.SkipReason,
            c.Pages,
            c.Messages,
            c.Reactions,
            c.OldestAt,
            c.State is BackfillChannelState.Done or BackfillChannelState.Skipped ? 1
                : c.OldestAt is { } oldest ? Math.Clamp((run.RequestedAt - oldest) / (double)span, 0, 1) : 0)).ToList();

        var progress = run.State == BackfillState.Completed ? 1 : channels.Count == 0 ? 0 : channels.Average(c => c.Progress);

        // Saved with every page, so both cover all executions of the run up to its last page.
        var runningMs = run.RunningMs;
        var requests = Math.Max(run.Requests, execution?.Requests ?? 0);

        double? rate = runningMs > 0 ? requests / (runningMs / 1000d) : null;
        double? eta = run.State == BackfillState.Running && progress is > 0 and < 1 && runningMs > 0
            ? runningMs / 1000d * (1 - progress) / progress
            : null;

        return new BackfillStatus(
            run.GuildId.ToString(CultureInfo.InvariantCulture),
            run.RunId,
            run.State,
            source,
            run.Days,
            run.CutoffAt,
            run.ChannelSelection?.Split(',', StringSplitOptions.RemoveEmptyEntries),
            run.RequestedAt,
            run.StartedAt,
            run.FinishedAt,
            run.Error,
            progress,
            channels.Sum(c => c.Pages),
            channels.Sum(c => c.Messages),
            channels.Sum(c => c.Reactions),
            rows.Count(c => c.IsThread && c.State != BackfillChannelState.Skipped),
            channels.Where(c => c.OldestAt is not null).Select(c => c.OldestAt).Min(),
            requests,
            rate,
            eta,
            channels,
            [.. channels.Where(c => c.State == BackfillChannelState.Skipped)]);
    }
}
