using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Backfill;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Jobs;

/// <summary>
/// Backfill jobs that end inside Hangfire rather than inside the runner, on the real app: live mode against the
/// Discord emulator on loopback, a real Hangfire server over its SQLite file, the HTTP API. A run never stays
/// queued or running behind a job that is gone; one a process left running resumes from its checkpoints.
/// </summary>
[Collection(JobServerCollection.Name)]
public sealed class BackfillJobFailureTests : IAsyncLifetime
{
    private const string General = "101";
    private const string Random = "102";
    private static readonly string Guild = BackfillWorld.Guild.ToString(CultureInfo.InvariantCulture);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // job pickup is slow under suite load
    private readonly long _now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private Emulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulator.StartAsync();
        _emulator.RouteResetAfter = TimeSpan.FromMilliseconds(200);
        _emulator.History.AddChannel(General, "general", 0);
        _emulator.History.AddChannel(Random, "random", 0);
        for (var i = 0; i < 250; i++)
        {
            _emulator.History.AddMessage(General, BackfillWorld.IdAt(_now - (5 * 86_400_000L) + (i * 1000)), "201", "alice");
        }

        for (var i = 0; i < 50; i++)
        {
            _emulator.History.AddMessage(Random, BackfillWorld.IdAt(_now - (3 * 86_400_000L) + (i * 1000)), "202", "bob");
        }
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Job_RunnerThrowsAnErrorItDoesNotHandle_RunShowsFailedWithTheReasonAndANewRunIsAccepted()
    {
        await using var app = App(services => services.AddSingleton<IHistorySource>(sp => new ThrowingHistorySource(
            ActivatorUtilities.CreateInstance<RestHistorySource>(sp), throwOnPage: 1, () => new InvalidOperationException("message content: meet me at the usual place"))));
        using var client = await SeedGuildAsync(app);

        using var started = await PostAsync(client);
        var failed = await RunAsync(client, app, s => s == BackfillState.Failed.StoredName());

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var error = failed.GetProperty("error").GetString()!;
        Assert.Contains("InvalidOperationException", error, StringComparison.Ordinal);
        Assert.DoesNotContain("usual place", error, StringComparison.Ordinal);
        // The run is failed while Hangfire applies the Failed state; its own store shows it once that commits.
        await Eventually.TrueAsync(() => app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount() == 1, "the job server shows the job failed");

        // The failed run no longer blocks the guild: a new run is accepted and, the error gone, completes.
        using var again = await PostAsync(client);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var completed = await RunAsync(client, app, s => s == BackfillState.Completed.StoredName());
        Assert.NotEqual(failed.GetProperty("runId").GetInt64(), completed.GetProperty("runId").GetInt64());
        Assert.Equal(300, completed.GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task Job_CannotBeBuilt_RunShowsFailedWithTheReasonAndANewRunIsAccepted()
    {
        await using var app = App(services => services.AddTransient<BackfillJob>(_ => throw new InvalidOperationException("the job's services are missing")));
        using var client = await SeedGuildAsync(app);

        using var started = await PostAsync(client);
        var failed = await RunAsync(client, app, s => s == BackfillState.Failed.StoredName());

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("The job server could not complete the backfill job (InvalidOperationException); the server log has the details. Start a new run to try again.", failed.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Number, failed.GetProperty("finishedAt").ValueKind);
        Assert.DoesNotContain(_emulator.RestRequests, r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
        using var again = await PostAsync(client);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task Job_DeletedFromTheJobServerWhileRunning_RunShowsFailedAndItsExecutionStops()
    {
        var gate = (GatedHistorySource?)null;
        await using var app = App(services => services.AddSingleton<IHistorySource>(sp =>
            gate = new GatedHistorySource(ActivatorUtilities.CreateInstance<RestHistorySource>(sp), holdOnPage: 2)));
        using var client = await SeedGuildAsync(app);
        using var started = await PostAsync(client);
        await RunAsync(client, app, _ => gate is not null && gate.Held.Task.IsCompleted);
        var storage = app.Services.GetRequiredService<JobStorage>();
        var jobId = Assert.Single(storage.GetMonitoringApi().ProcessingJobs(0, 10), j => j.Value.Job.Type == typeof(BackfillJob)).Key;

        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Delete(jobId));

        var failed = await RunAsync(client, app, s => s == BackfillState.Failed.StoredName());
        Assert.Equal("The backfill job was deleted from the job server before the run finished.", failed.GetProperty("error").GetString());
        var registry = app.Services.GetRequiredService<BackfillRegistry>();
        await Eventually.TrueAsync(() => registry.Find(failed.GetProperty("runId").GetInt64()) is null, "the deleted job's execution stopped");
        using var again = await PostAsync(client);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var completed = await RunAsync(client, app, s => s == BackfillState.Completed.StoredName());
        Assert.Equal(300, completed.GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task Job_TransientStoreError_IsRetriedAndContinuesFromItsCheckpoint()
    {
        await using var app = App(services => services.AddSingleton<IHistorySource>(sp => new ThrowingHistorySource(
            ActivatorUtilities.CreateInstance<RestHistorySource>(sp), throwOnPage: 2, () => new SqliteException("database is locked", 5))));
        using var client = await SeedGuildAsync(app);

        await AssertCompletedAfterOneRetryAsync(client, app);
    }

    [Fact]
    public async Task Job_TransientPostgresError_IsRetriedAndContinuesFromItsCheckpoint()
    {
        // The same job on a PostgreSQL store (jobs in its hangfire schema): a deadlock the server reports, wrapped by EF
        // Core's execution strategy as it reaches the runner, is retried too.
        await using var app = await AnalyticsAppFactory.CreateAsync(
            StoreProvider.Postgres,
            AnalyticsAppFactory.WithJobServer(Settings()),
            services: services => services.AddSingleton<IHistorySource>(sp => new ThrowingHistorySource(
                ActivatorUtilities.CreateInstance<RestHistorySource>(sp), throwOnPage: 2, () => new InvalidOperationException(
                    "An exception has been raised that is likely due to a transient failure.", new Npgsql.PostgresException("deadlock detected", "ERROR", "ERROR", "40P01")))));
        using var client = await SeedGuildAsync(app);

        await AssertCompletedAfterOneRetryAsync(client, app);
    }

    /// <summary>
    /// The backfill started over <paramref name="client"/> completes with every message, its job succeeded after one
    /// retry, and the retry continued after the first page's checkpoint (every channel's first page fetched once).
    /// </summary>
    private async Task AssertCompletedAfterOneRetryAsync(HttpClient client, AnalyticsAppFactory app)
    {
        using var started = await PostAsync(client);
        var completed = await RunAsync(client, app, s => s == BackfillState.Completed.StoredName());

        Assert.Equal(300, completed.GetProperty("messages").GetInt32());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("error").ValueKind);
        var storage = app.Services.GetRequiredService<JobStorage>();
        // The runner records the run completed before the job returns, so Hangfire marks it succeeded a moment later.
        bool IsBackfill(KeyValuePair<string, Hangfire.Storage.Monitoring.SucceededJobDto> j) => j.Value.Job.Type == typeof(BackfillJob);
        await Eventually.TrueAsync(() => storage.GetMonitoringApi().SucceededJobs(0, 10).Any(IsBackfill), "the job server marks the backfill job succeeded");
        var job = Assert.Single(storage.GetMonitoringApi().SucceededJobs(0, 10), IsBackfill);
        using var connection = storage.GetConnection();
        Assert.Equal("1", connection.GetJobParameter(job.Key, "RetryCount"));
        AssertFirstPagesFetchedOnce();
    }

    [Fact]
    public async Task Start_RunLeftRunningByAKilledProcess_ResumesFromItsCheckpointAsAJob()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        long runId;
        using (var plug = new CancellationTokenSource())
        {
            // A process killed right after fetching the second page of #general: one page is checkpointed.
            await using var killed = await BackfillProcess.StartAsync(store, new InterruptingHistorySource(BackfillProcess.RestSource(_emulator), killOnPage: 2, plug, ulong.Parse(General, CultureInfo.InvariantCulture)), TimeProvider.System);
            await killed.IngestAsync(GuildCreated());
            await killed.Service.StartAsync(BackfillWorld.Guild, 7, null, default);
            runId = Assert.Single(killed.Scheduler.Enqueued);
            await killed.Runner.RunAsync(runId, plug.Token);
            var interrupted = await killed.Service.GetStatusAsync(BackfillWorld.Guild, default);
            Assert.Equal(BackfillState.Running, interrupted!.State);
            // #random is paged alongside: it may or may not have committed its page before the kill.
            Assert.Equal(100, Assert.Single(interrupted.Channels, c => c.ChannelId == General).Messages);
        }

        await using var app = App(connectionString: store.ConnectionString);
        using var client = app.CreateApiClient();
        var completed = await RunAsync(client, app, s => s == BackfillState.Completed.StoredName());

        Assert.Equal(runId, completed.GetProperty("runId").GetInt64());
        Assert.Equal(300, completed.GetProperty("messages").GetInt32());
        Assert.Equal(_emulator.History.MessagesSince(General, _now - (7 * 86_400_000L)).ToHashSet(), await BackfillWorld.StoredMessageIdsAsync(store, long.Parse(General, CultureInfo.InvariantCulture)));
        AssertFirstPageFetchedOnce(General);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => monitoring.SucceededJobs(0, 10).Any(j => j.Value.Job.Type == typeof(BackfillJob)), "the job server marks the resumed job succeeded");
        var job = Assert.Single(monitoring.SucceededJobs(0, 10), j => j.Value.Job.Type == typeof(BackfillJob));
        Assert.Equal(runId, (long)job.Value.Job.Args[0]);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Discord:Token"] = "backfill-failure-token",
        ["Discord:ApiBaseUrl"] = _emulator.ApiBaseUrl,
        ["Discord:GatewayUrl"] = _emulator.GatewayUrl,
        ["Jobs:QueuePollInterval"] = "00:00:00.200",
    };

    private AnalyticsAppFactory App(Action<IServiceCollection>? services = null, string? connectionString = null)
    {
        var settings = Settings();
        if (connectionString is not null)
        {
            settings["Storage:ConnectionString"] = connectionString;
        }

        return new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(settings), services: services);
    }

    private IngestEvent GuildCreated() => new() { Type = IngestEventType.GuildUpsert, GuildId = BackfillWorld.Guild, EventAt = _now, Name = "Failure Guild" };

    private async Task<HttpClient> SeedGuildAsync(AnalyticsAppFactory app)
    {
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        await pipeline.WriteAsync(GuildCreated(), default);
        await pipeline.FlushAsync(default);
        return app.CreateApiClient();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsync($"/api/guilds/{Guild}/backfill", RequestBody.Json("""{"days":7}"""));

    /// <summary>The latest run once its state satisfies <paramref name="until"/>; fails with the job store's account otherwise.</summary>
    private static async Task<JsonElement> RunAsync(HttpClient client, AnalyticsAppFactory app, Func<string?, bool> until)
    {
        var status = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/backfill"),
            s => s.GetProperty("run") is { ValueKind: JsonValueKind.Object } run && until(run.GetProperty("state").GetString()),
            Patience);
        var run = status.GetProperty("run");
        Assert.True(
            run.ValueKind == JsonValueKind.Object && until(run.GetProperty("state").GetString()),
            $"run {run}; jobs: {HangfireDiagnostics.Describe(app.Services.GetRequiredService<JobStorage>())}");
        return run;
    }

    private void AssertFirstPagesFetchedOnce()
    {
        foreach (var channel in new[] { General, Random })
        {
            AssertFirstPageFetchedOnce(channel);
        }
    }

    private void AssertFirstPageFetchedOnce(string channel)
    {
        var pages = _emulator.RestRequests.Where(r => r.Path == $"/channels/{channel}/messages").Select(r => r.Query).ToList();
        Assert.Single(pages, q => q == "?limit=100");
    }
}
