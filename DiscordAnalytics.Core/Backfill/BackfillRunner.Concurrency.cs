using System.Runtime.ExceptionServices;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Paging channels concurrently. Discord limits message history per channel (a bucket per channel, 5 requests/s)
/// and per bot (50/s): one channel at a time uses a tenth of what is allowed. Up to
/// <see cref="BackfillOptions.MaxConcurrentChannels"/> workers take the run's channels in work order; the REST client
/// keeps each bucket and the global limit, every page still goes through the one ingestion sink, and each channel's
/// checkpoint is saved after its own page exactly as when paged alone.
/// </summary>
public sealed partial class BackfillRunner
{
    private async Task PageChannelsAsync(IHistorySource source, RunWork work, IReadOnlyList<BackfillChannel> channels, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return;
        }

        // One channel failing the run (a rejected token, Discord failing for good) stops the others at their next await.
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        Exception? failure = null;
        Exception? stopped = null;

        async Task WorkAsync()
        {
            while (Interlocked.Increment(ref next) is var index && index < channels.Count)
            {
                try
                {
                    await PageChannelAsync(source, work, channels[index], stopAll.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex)
                {
                    Interlocked.CompareExchange(ref stopped, ex, null);
                    return;
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                    await stopAll.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }

        var workers = Math.Min(options.Value.MaxConcurrentChannels, channels.Count);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))).ConfigureAwait(false);

        // The first real failure decides the run's outcome; the cancellations it caused in the other workers do not.
        if ((failure ?? stopped) is { } exception)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }
}
