using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Live mode: runs the gateway session while a token is configured, normalizes every dispatch and
/// writes the events to <see cref="IIngestionSink"/> (awaiting it, so a slow sink slows the gateway
/// read side down instead of losing events). The session keeps <see cref="SourceStatus"/> current.
/// </summary>
public sealed partial class DiscordGatewayService : BackgroundService
{
    private readonly IOptions<DiscordOptions> _options;
    private readonly GatewaySession _session;
    private readonly DispatchNormalizer _normalizer;
    private readonly IIngestionSink _sink;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly SourceStatus _status;

    public DiscordGatewayService(IOptions<DiscordOptions> options, GatewaySession session, DispatchNormalizer normalizer, IIngestionSink sink, SourceStatus status, ILogger<DiscordGatewayService> logger)
    {
        _status = status;
        _options = options;
        _session = session;
        _normalizer = normalizer;
        _sink = sink;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Value.HasToken)
        {
            LogNoToken(_logger);
            return;
        }

        try
        {
            await _session.RunAsync(WriteAsync, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A bug in the client must not take the whole app (dashboard, API) down with it.
            _status.Set(SourceState.Down, "The Discord connection stopped after an internal error; see the log and restart.");
            LogCrashed(_logger, ex);
        }
    }

    private async ValueTask WriteAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        foreach (var ingestEvent in _normalizer.Normalize(dispatch.EventName, dispatch.Data, dispatch.ReceivedAt))
        {
            await _sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway service crashed")]
    private static partial void LogCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Discord token configured: the gateway stays off")]
    private static partial void LogNoToken(ILogger logger);
}
