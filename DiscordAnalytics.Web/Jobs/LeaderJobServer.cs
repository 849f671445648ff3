using DiscordAnalytics.Core.Leadership;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// This host's Hangfire server, running only while the instance leads (<see cref="InstanceLeadership"/>): on SQLite from
/// start to stop as before; on PostgreSQL the standby runs none, so backfills, gap repairs, pruning and the other jobs
/// run on the leader only, and each job once (the instances share one job store: a standby's page or API call
/// enqueues, the leader's server runs). A term that ends stops the server at once; Hangfire hands its jobs back to the
/// queue, and the next leader's server takes them.
/// </summary>
public sealed partial class LeaderJobServer(
    InstanceLeadership leadership,
    JobStorage storage,
    IJobFilterProvider filters,
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    ILogger<LeaderJobServer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await leadership.RunWhileLeaderAsync(RunDuringTermAsync, onStandby: null, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunDuringTermAsync(CancellationToken term)
    {
        var jobs = options.Value;
        var serverOptions = new BackgroundJobServerOptions
        {
            WorkerCount = jobs.WorkerCount,
            SchedulePollingInterval = jobs.QueuePollInterval,
            ServerName = $"discord-analytics:{Environment.ProcessId}",
            // This host's container builds the jobs. Hangfire's registered JobActivator is the static
            // JobActivator.Current, which the last-configured host in the process owns (a disposed one,
            // in tests with many hosts).
            Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(scopes),
            FilterProvider = filters,
        };
        using var server = new BackgroundJobServer(serverOptions, storage);
        LogStarted(logger, leadership.IsContested);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, term).ConfigureAwait(false);
        }
        finally
        {
            // Running jobs see their cancellation token fire and go back to the queue.
            server.SendStop();
            await server.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            LogStopped(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job server started (store shared by several instances: {Contested})")]
    private static partial void LogStarted(ILogger logger, bool contested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job server stopped")]
    private static partial void LogStopped(ILogger logger);
}
