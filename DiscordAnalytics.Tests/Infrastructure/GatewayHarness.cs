using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A real <see cref="GatewaySession"/> + <see cref="DispatchNormalizer"/> + test sink wired to a fresh
/// emulator, with small delays so reconnect paths run in milliseconds.
/// </summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    /// <summary>A recognizable token that must never appear in any log line.</summary>
    public const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.SECRET-TOKEN-never-log.xyz";

    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggerFactory;

    private GatewayHarness(Emulator emulator, GatewaySession session, SourceStatus status, TestIngestionSink sink, CapturingLoggerProvider logs, ILoggerFactory loggerFactory, DiscordRestClient rest)
    {
        Emulator = emulator;
        Session = session;
        Status = status;
        Sink = sink;
        Logs = logs;
        Rest = rest;
        _loggerFactory = loggerFactory;
    }

    public Emulator Emulator { get; }

    public GatewaySession Session { get; }

    public SourceStatus Status { get; }

    public TestIngestionSink Sink { get; }

    public CapturingLoggerProvider Logs { get; }

    public DiscordRestClient Rest { get; }

    /// <summary>The running session; completes when it stops (fatal close) or on dispose.</summary>
    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<GatewayHarness> StartAsync(
        Action<Emulator>? configureEmulator = null,
        Action<DiscordOptions>? configureOptions = null,
        Action<GatewaySessionOptions>? configureSession = null,
        double random = 0.5,
        bool run = true)
    {
        var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        configureEmulator?.Invoke(emulator);
        var options = new DiscordOptions { Token = Token, GatewayUrl = emulator.GatewayUrl, ApiBaseUrl = emulator.ApiBaseUrl };
        configureOptions?.Invoke(options);
        var sessionOptions = new GatewaySessionOptions
        {
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            InvalidSessionMinDelay = TimeSpan.FromMilliseconds(10),
            InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(40),
            HelloTimeout = TimeSpan.FromSeconds(5),
        };
        configureSession?.Invoke(sessionOptions);

        var logs = new CapturingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var rest = new DiscordRestClient(new HttpClient(), Options.Create(options), TimeProvider.System, loggerFactory.CreateLogger<DiscordRestClient>(), new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(10) });
        var status = new SourceStatus();
        var session = new GatewaySession(Options.Create(options), rest, status, TimeProvider.System, loggerFactory, sessionOptions, new FixedRandom(random));
        var harness = new GatewayHarness(emulator, session, status, new TestIngestionSink(), logs, loggerFactory, rest);
        if (run)
        {
            harness.Start();
        }

        return harness;
    }

    public void Start()
    {
        var normalizer = new DispatchNormalizer(TimeProvider.System, _loggerFactory.CreateLogger<DispatchNormalizer>());
        Run = Session.RunAsync(
            async (dispatch, ct) =>
            {
                foreach (var ingestEvent in normalizer.Normalize(dispatch.EventName, dispatch.Data, dispatch.ReceivedAt))
                {
                    await Sink.WriteAsync(ingestEvent, ct);
                }
            },
            _stop.Token);
    }

    /// <summary>Waits until the session reports Connected.</summary>
    public Task ConnectedAsync() => Eventually.TrueAsync(() => Status.State == SourceState.Connected, "the session is connected");

    public Task SinkHasAsync(Func<IReadOnlyList<IngestEvent>, bool> condition, string because) =>
        Eventually.TrueAsync(() => condition(Sink.Events), because);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        await Emulator.DisposeAsync();
        _loggerFactory.Dispose();
        _stop.Dispose();
    }
}
