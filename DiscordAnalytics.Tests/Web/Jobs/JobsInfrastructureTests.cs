using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Jobs;

[Collection(JobServerCollection.Name)]
public sealed class JobsInfrastructureTests
{
    [Fact]
    public async Task Start_JobStoreIsItsOwnSqliteFileBesideTheAnalyticsStore()
    {
        await using var app = new AnalyticsAppFactory();
        _ = app.Services;
        var storage = app.Services.GetRequiredService<JobStorage>();

        using (var connection = storage.GetConnection())
        {
            Assert.NotNull(connection);
        }

        Assert.True(File.Exists(Path.Combine(app.DataFolder, JobStoragePath.DefaultFileName)));
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "analytics.db")));
    }

    [Fact]
    public async Task EnqueuedJob_RunsOnTheInProcessServer_WithItsDependenciesFromTheContainer()
    {
        var recorder = new JobRecorder();
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(), services: s => s.AddSingleton(recorder).AddTransient<RecordingJob>());
        var client = app.Services.GetRequiredService<IBackgroundJobClient>();

        client.Enqueue<RecordingJob>(job => job.RunAsync("first", CancellationToken.None));

        // Generous: Hangfire.Storage.SQLite serialises every host's queue polling in the process behind one
        // process-wide lock, and the suite runs many hosts at once on 2 cores.
        try
        {
            await Eventually.TrueAsync(() => recorder.Runs.Contains("first"), "the Hangfire worker picks up the enqueued job", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Jobs: {HangfireDiagnostics.Describe(app.Services.GetRequiredService<JobStorage>())}", ex);
        }

        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var server = Assert.Single(monitoring.Servers());
        Assert.Equal(1, server.WorkersCount);
    }

    [Fact]
    public async Task JobStore_AfterAnotherHostInTheProcessIsDisposed_StillOpensConnectionsAndRunsJobs()
    {
        var recorder = new JobRecorder();
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(), services: s => s.AddSingleton(recorder).AddTransient<RecordingJob>());
        var storage = app.Services.GetRequiredService<JobStorage>();
        // Every host that starts points Hangfire's process-wide log provider at its own logging; this one does so
        // last and is then disposed, as hundreds of test hosts are around a job server.
        await using (var other = new AnalyticsAppFactory())
        {
            _ = other.Services;
        }

        // More at once than the store pools, so it builds new ones (each asks that log provider for a logger).
        var connections = Enumerable.Range(0, 25).Select(_ => storage.GetConnection()).ToList();
        connections.ForEach(connection => connection.Dispose());
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RecordingJob>(job => job.RunAsync("after", CancellationToken.None));

        try
        {
            await Eventually.TrueAsync(() => recorder.Runs.Contains("after"), "the Hangfire worker picks up the enqueued job", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Jobs: {HangfireDiagnostics.Describe(storage)}", ex);
        }
    }

    [Fact]
    public async Task JobServer_StartingJustAfterAnotherHostInTheProcessIsDisposed_RunsEnqueuedJobs()
    {
        var recorder = new JobRecorder();
        // The job server starts once the host has started; just before, another host points Hangfire's process-wide
        // log provider at its own logging and is disposed (tests start and dispose hundreds of hosts around a job server).
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(), services: s => s
            .AddSingleton(recorder).AddTransient<RecordingJob>()
            .AddHostedService<AnotherHostComesAndGoes>());
        var storage = app.Services.GetRequiredService<JobStorage>();

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<RecordingJob>(job => job.RunAsync("first", CancellationToken.None));

        try
        {
            await Eventually.TrueAsync(() => recorder.Runs.Contains("first"), "the Hangfire worker picks up the enqueued job", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Jobs: {HangfireDiagnostics.Describe(storage)}", ex);
        }
    }

    /// <summary>Starts and disposes another app host as the last step of this host's start (before ApplicationStarted).</summary>
    public sealed class AnotherHostComesAndGoes : Microsoft.Extensions.Hosting.IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            await using var other = new AnalyticsAppFactory();
            _ = other.Services;
        }

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Start_RegistersEveryDeclaredRecurringJobUnderItsStableId()
    {
        await using var app = new AnalyticsAppFactory(services: s => s.AddTransient<RecordingJob>().AddSingleton(new JobRecorder())
            .AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<RecordingJob>("test-recurring", Cron.Daily(4), job => job.RunAsync("recurring", CancellationToken.None))));
        _ = app.Services;

        var recurring = await Eventually.ReturnsAsync(
            () => Task.FromResult(app.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == "test-recurring"));

        var job = Assert.Single(recurring, j => j.Id == "test-recurring");
        Assert.Equal(Cron.Daily(4), job.Cron);
        Assert.Equal(nameof(RecordingJob.RunAsync), job.Job.Method.Name);
    }

    [Fact]
    public async Task Dashboard_AnonymousLoopbackRequest_IsSentToLogin()
    {
        await using var app = new AnalyticsAppFactory();
        var baseUrl = app.StartOnLoopback();

        using var loopback = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await loopback.GetAsync(JobsServiceCollectionExtensions.DashboardPath);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_SignedInAdmin_IsServed()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = await app.CreateAdminClientAsync(); // the in-memory test server has no remote address: not loopback

        var page = await client.GetAsync(JobsServiceCollectionExtensions.DashboardPath);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("DiscordAnalytics jobs", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ApiKey_IsNotEnough()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.CreateApiClient();

        var page = await client.GetAsync(JobsServiceCollectionExtensions.DashboardPath);

        Assert.Contains("/login", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    public sealed class JobRecorder
    {
        private readonly List<string> _runs = [];

        public IReadOnlyList<string> Runs
        {
            get
            {
                lock (_runs)
                {
                    return _runs.ToList();
                }
            }
        }

        public void Add(string run)
        {
            lock (_runs)
            {
                _runs.Add(run);
            }
        }
    }

    public sealed class RecordingJob(JobRecorder recorder)
    {
        public Task RunAsync(string name, CancellationToken cancellationToken)
        {
            recorder.Add(name);
            return Task.CompletedTask;
        }
    }
}
