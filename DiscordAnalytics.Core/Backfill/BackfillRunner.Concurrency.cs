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

        var next = -1;
        Exception? failure = null;
        Exception? stopped = null;

        async Task WorkAsync()
        {
            while (!work.StopPaging && Interlocked.Increment(ref next) is var index && index < channels.Count)
            {
                try
                {
                    await PageChannelAsync(source, work, channels[index], cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex)
                {
                    Interlocked.CompareExchange(ref stopped, ex, null);
                    return;
                }
                catch (Exception ex)
                {
                    // One channel failing the run (a rejected token, Discord failing for good) stops the others after
                    // the page they are on: what they fetched is committed and checkpointed, never fetched twice.
                    Interlocked.CompareExchange(ref failure, ex, null);
                    work.StopPaging = true;
                    return;
                }
            }
        }

        var workers = Math.Min(options.Value.MaxConcurrentChannels, channels.Count);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))).ConfigureAwait(false);

        // The first failure decides the run's outcome.
        if ((failure ?? stopped) is { } exception)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }
}
