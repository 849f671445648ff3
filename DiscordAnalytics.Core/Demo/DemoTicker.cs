using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The live demo's clock: every <c>period</c> it asks a generator for the events due by now and writes them to the
/// sink (waiting when the sink pushes back), until stopped.
/// </summary>
internal static class DemoTicker
{
    public static async Task RunAsync(TimeSpan period, Func<long, IEnumerable<IngestEvent>> dueBy, IIngestionSink sink,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var ingestEvent in dueBy(timeProvider.GetUtcNow().ToUnixTimeMilliseconds()))
                {
                    await sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of live mode.
        }
    }
}
