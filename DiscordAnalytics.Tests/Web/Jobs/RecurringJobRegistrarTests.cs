using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Jobs;

/// <summary>
/// The recurring jobs never hold the start or the stop: on a PostgreSQL server that is down they are pending (the log
/// and /healthz say so) and written once it is back, without a restart; a stop while a write hangs inside Hangfire
/// returns at once.
/// </summary>
public sealed class RecurringJobRegistrarTests
{
    [Fact]
    public async Task Start_PostgresDownThenBack_JobsPendingThenWrittenWithoutARestart()
    {
        var database = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var door = new PostgresDoor(DoorState.Shut);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        try
        {
            await using var app = new AnalyticsAppFactory(
                new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = door.Through(database) },
                clock);
            using var client = app.CreateClient();
            var ids = app.Services.GetServices<IRecurringJobDefinition>().Select(d => d.Id).ToList();

            using var down = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(ids, await PendingAsync(down));

            door.State = DoorState.Open;
            var storage = app.Services.GetRequiredService<JobStorage>();
            // The clock moves on by the longest retry wait per look, until the registrar has tried again and written them.
            var written = await Eventually.ReturnsAsync(
                () =>
                {
                    clock.Advance(RetryBackoff.MaxDelay);
                    return Task.FromResult(app.Services.GetRequiredService<RecurringJobsStatus>().Pending.Count == 0
                        ? storage.GetConnection().GetRecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal).ToList()
                        : []);
                },
                jobs => jobs.Count > 0,
                TimeSpan.FromSeconds(60));
            Assert.Equal(ids.Order(StringComparer.Ordinal), written);

            using var back = await client.GetAsync("/healthz");
            Assert.Empty(await PendingAsync(back));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Stop_WhileAWriteHangsInTheJobStore_ReturnsWithoutWaitingForIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var storeAnswers = new ManualResetEventSlim();
        var hanging = new ScriptedDefinition("hanging", () => storeAnswers.Wait(TimeSpan.FromMinutes(2)));
        var status = new RecurringJobsStatus();
        using var registrar = new RecurringJobRegistrar(
            new UnusedJobManager(),
            [hanging],
            new StoreContextFactory("Data Source=:memory:"),
            Options.Create(new StorageOptions()),
            new JobStoreSchema(Options.Create(new StorageOptions())),
            status,
            clock,
            NullLogger<RecurringJobRegistrar>.Instance);

        var start = registrar.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => hanging.Calls == 1, "the write is under way");
        Assert.False(start.IsCompleted, "the start waits for the first try a while");
        clock.Advance(RecurringJobRegistrar.StartWait);
        await start.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["hanging"], status.Pending);

        await registrar.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(registrar.Registered.IsCompleted, "the retries ended with the stop");
        Assert.Equal(0, hanging.Written);
        storeAnswers.Set();
    }

    [Fact]
    public async Task Stop_AfterTheContainerDisposedIt_EndsTheRetriesWithoutThrowing()
    {
        // A host being torn down may dispose its services before it stops them (an app factory's disposal does).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var refusing = new ScriptedDefinition("refused", () => throw new InvalidOperationException("the job store refused"));
        var registrar = new RecurringJobRegistrar(
            new UnusedJobManager(),
            [refusing],
            new StoreContextFactory("Data Source=:memory:"),
            Options.Create(new StorageOptions()),
            new JobStoreSchema(Options.Create(new StorageOptions())),
            new RecurringJobsStatus(),
            clock,
            NullLogger<RecurringJobRegistrar>.Instance);
        await registrar.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(registrar.Registered.IsCompleted, "the refused job waits for its retry");

        registrar.Dispose();
        await registrar.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(registrar.Registered.IsCompleted, "the retries ended with the disposal");
    }

    private static async Task<List<string>> PendingAsync(HttpResponseMessage health)
    {
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("jobs").GetProperty("pending").EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>A job definition that runs <paramref name="write"/> in place of writing itself, and counts.</summary>
    private sealed class ScriptedDefinition(string id, Action write) : IRecurringJobDefinition
    {
        private int _calls;
        private int _written;

        public string Id => id;

        public int Calls => Volatile.Read(ref _calls);

        public int Written => Volatile.Read(ref _written);

        public void Register(IRecurringJobManager manager)
        {
            Interlocked.Increment(ref _calls);
            write();
            Interlocked.Increment(ref _written);
        }
    }

    /// <summary>The scripted definition above never reaches a job manager.</summary>
    private sealed class UnusedJobManager : IRecurringJobManager
    {
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => throw new NotSupportedException();

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
