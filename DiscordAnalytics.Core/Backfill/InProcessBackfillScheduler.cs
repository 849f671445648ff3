using System.Threading.Channels;
using DiscordAnalytics.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Executes runs one after another on a background worker. The default; the web app replaces the
/// <see cref="IBackfillScheduler"/> with its Hangfire one, and this worker then stays idle. A run that throws
/// (rather than recording its failure) is logged and the worker goes on with the next after a backoff.
/// </summary>
public sealed class InProcessBackfillScheduler(IServiceProvider services, TimeProvider time, ILogger<InProcessBackfillScheduler> logger)
    : ResilientBackgroundService(time, logger), IBackfillScheduler
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(long runId) => _queue.Writer.TryWrite(runId);

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        if (!ReferenceEquals(services.GetRequiredService<IBackfillScheduler>(), this))
        {
            return;
        }

        var runner = services.GetRequiredService<BackfillRunner>();
        await foreach (var runId in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await runner.RunAsync(runId, stoppingToken).ConfigureAwait(false);
        }
    }
}
