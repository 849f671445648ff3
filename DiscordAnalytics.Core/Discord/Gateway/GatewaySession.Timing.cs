using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Heartbeats, the dispatch pump, gateway URLs, reconnect backoff and jitter.</summary>
public sealed partial class GatewaySession
{
    private async Task HeartbeatLoopAsync(GatewayTransport transport, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * NextDouble(), _timeProvider, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_heartbeatAcked && !_backpressured)
                {
                    _zombie = true;
                    LogZombie(_logger);
                    await transport.CloseAsync(GatewayCloseCodes.UnknownError, "zombie connection", CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                _heartbeatAcked = false;
                await transport.SendAsync(GatewayPayloadWriter.Heartbeat(_sequence), cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The read loop reports the dropped socket; nothing to add here.
            LogSendFailed(_logger, ex.GetType().Name);
        }
    }

    private async Task PumpAsync(ChannelReader<GatewayDispatch> reader, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        await foreach (var dispatch in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await onDispatch(dispatch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogConsumerFailed(_logger, dispatch.EventName, dispatch.Sequence, ex.GetType().Name);
            }
        }
    }

    private async Task<string> ResolveGatewayUrlAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
            return UsableGatewayUrl(info.Url) ?? _options.Value.GatewayUrl;
        }
        catch (Exception ex) when (ex is not DiscordUnauthorizedException
            && (ex is DiscordRestException or HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)))
        {
            LogGatewayUrlFallback(_logger, ex.GetType().Name);
            return _options.Value.GatewayUrl;
        }
    }

    /// <summary>
    /// <paramref name="url"/> when a WebSocket can connect to it (absolute ws/wss with a host), else null:
    /// a URL from the wire that cannot be used must not stop the session.
    /// </summary>
    internal static string? UsableGatewayUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" && !string.IsNullOrEmpty(uri.Host) ? url : null;

    /// <summary>The gateway URL with <c>?v=10&amp;encoding=json</c> (resume URLs from READY come without a query).</summary>
    internal static Uri BuildGatewayUri(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    /// <summary>Capped exponential backoff with jitter: base * 2^min(n,10), capped, times [0.5, 1).</summary>
    private TimeSpan Backoff(int failures)
    {
        var exponential = _sessionOptions.ReconnectBaseDelay * Math.Pow(2, Math.Min(failures, 10));
        var capped = exponential > _sessionOptions.ReconnectMaxDelay ? _sessionOptions.ReconnectMaxDelay : exponential;
        return capped * (0.5 + (NextDouble() / 2));
    }

    private TimeSpan InvalidSessionDelay()
    {
        var min = _sessionOptions.InvalidSessionMinDelay;
        var max = _sessionOptions.InvalidSessionMaxDelay;
        return max <= min ? min : min + ((max - min) * NextDouble());
    }

    private double NextDouble()
    {
        lock (_randomGate)
        {
            return _random.NextDouble();
        }
    }
}
