using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Invites;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>
/// One "process" of the app as far as backfill goes: its own ingestion pipeline, registry, runner and service
/// over a shared store file. Disposing it without flushing is as close to a kill as a test gets in-process;
/// a second process over the same store then resumes.
/// </summary>
public sealed class BackfillProcess : IAsyncDisposable
{
    private BackfillProcess(TempSqliteStore store, IHistorySource source, TimeProvider time, BackfillOptions options, DiscordRestClient? invitesRest, DiscordOptions? discord)
    {
        Pipeline = new IngestionPipeline(
            Options.Create(new IngestionOptions { QueueCapacity = 10_000, MaxBatchSize = 500 }),
            Options.Create(new StorageOptions { ConnectionString = store.ConnectionString }),
            new IngestionMode(IsDemo: false),
            new IngestionNotifier(),
            TimeProvider.System,
            NullLogger<IngestionPipeline>.Instance);
        Registry = new BackfillRegistry(time);
        var normalizer = new DispatchNormalizer(time, NullLogger<DispatchNormalizer>.Instance);
        Invites = invitesRest is null ? null : new InviteTracker(invitesRest, normalizer, Pipeline, time, Options.Create(new InvitesOptions()), NullLogger<InviteTracker>.Instance);
        Runner = new BackfillRunner(store, [source], normalizer, Pipeline, Pipeline, Registry, Notifier, Options.Create(options), time, NullLogger<BackfillRunner>.Instance, Invites, discord is null ? null : Options.Create(discord));
        Service = new BackfillService(store, [source], Scheduler, Registry, Notifier, Options.Create(options), time);
    }

    public IngestionPipeline Pipeline { get; }

    /// <summary>The invite tracker the runner asks for a snapshot, when the process was started with one.</summary>
    public InviteTracker? Invites { get; }

    public BackfillRegistry Registry { get; }

    public BackfillNotifier Notifier { get; } = new();

    public RecordingBackfillScheduler Scheduler { get; } = new();

    public BackfillRunner Runner { get; }

    public BackfillService Service { get; }

    /// <param name="discord">The bot's options (its intents): null, as the bench runs it, reads no member list for a manual run.</param>
    public static async Task<BackfillProcess> StartAsync(TempSqliteStore store, IHistorySource source, TimeProvider time, BackfillOptions? options = null, DiscordRestClient? invitesRest = null, DiscordOptions? discord = null)
    {
        var process = new BackfillProcess(store, source, time, options ?? new BackfillOptions(), invitesRest, discord);
        await process.Pipeline.StartAsync(CancellationToken.None);
        return process;
    }

    /// <summary>A REST history source over the emulator (real HTTP on loopback, the client's real rate limiting).</summary>
    public static RestHistorySource RestSource(Infrastructure.DiscordEmulator.DiscordEmulator emulator) => new(RestClient(emulator));

    /// <summary>The REST client <see cref="RestSource"/> reads through.</summary>
    public static DiscordRestClient RestClient(Infrastructure.DiscordEmulator.DiscordEmulator emulator) =>
        new(
            new HttpClient(),
            Options.Create(new DiscordOptions { Token = "backfill-token", ApiBaseUrl = emulator.ApiBaseUrl }),
            TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance,
            new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 8 });

    public async Task IngestAsync(params IngestEvent[] events)
    {
        foreach (var e in events)
        {
            await Pipeline.WriteAsync(e, CancellationToken.None);
        }

        await Pipeline.FlushAsync(CancellationToken.None);
    }

    /// <summary>Executes every run the service enqueued so far, in order.</summary>
    public async Task RunEnqueuedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var runId in Scheduler.Enqueued)
        {
            await Runner.RunAsync(runId, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Invites is not null)
        {
            await Invites.DisposeAsync();
        }

        await Pipeline.StopAsync(CancellationToken.None);
        Pipeline.Dispose();
    }
}
