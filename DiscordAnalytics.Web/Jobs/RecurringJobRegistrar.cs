using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Writes every <see cref="IRecurringJobDefinition"/> into the job store at start-up. The start waits for that at most
/// <see cref="StartWait"/>: a job store that cannot be reached (its database server down) must not keep the dashboard
/// from starting, and Hangfire's storage spends tens of seconds per job finding that out (a PostgreSQL server that
/// refused connections held the start for over three minutes). What could not be written is tried again every
/// <see cref="RetryEvery"/> until it is, so the jobs run once the store is back, without a restart.
/// </summary>
public sealed class RecurringJobRegistrar(
    IRecurringJobManager manager,
    IEnumerable<IRecurringJobDefinition> definitions,
    TimeProvider time,
    ILogger<RecurringJobRegistrar> logger) : IHostedService, IDisposable
{
    /// <summary>How long the start waits for the jobs to be written before it goes on without them.</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(15);

    /// <summary>How long after a failed write the jobs not yet written are tried again.</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task _registering = Task.CompletedTask;

    /// <summary>Done once every job is written (or the app stops first).</summary>
    public Task Registered => _registering;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var all = definitions.ToList();
        _registering = Task.Run(() => RegisterAllAsync(all, _stopping.Token), CancellationToken.None);
        await Task.WhenAny(_registering, Task.Delay(StartWait, time, cancellationToken)).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        // A write blocked inside the job store is not waited for beyond the host's stop timeout.
        await Task.WhenAny(_registering, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RegisterAllAsync(List<IRecurringJobDefinition> pending, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            pending = [.. pending.Where(definition => !TryRegister(definition))];
            if (pending.Count == 0)
            {
                return;
            }

            try
            {
                await Task.Delay(RetryEvery, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private bool TryRegister(IRecurringJobDefinition definition)
    {
        try
        {
            definition.Register(manager);
            logger.LogInformation("Recurring job {JobId} registered", definition.Id);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Recurring job {JobId} could not be registered; tried again in {RetryEvery}", definition.Id, RetryEvery);
            return false;
        }
    }
}
