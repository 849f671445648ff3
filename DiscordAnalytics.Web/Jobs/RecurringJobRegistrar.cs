using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>Writes every <see cref="IRecurringJobDefinition"/> into the job store at start-up.</summary>
public sealed class RecurringJobRegistrar(IRecurringJobManager manager, IEnumerable<IRecurringJobDefinition> definitions, ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in definitions)
        {
            try
            {
                definition.Register(manager);
                logger.LogInformation("Recurring job {JobId} registered", definition.Id);
            }
            catch (Exception ex)
            {
                // A job store that cannot be written must not keep the dashboard from starting; the job waits for the next start.
                logger.LogError(ex, "Recurring job {JobId} could not be registered", definition.Id);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
