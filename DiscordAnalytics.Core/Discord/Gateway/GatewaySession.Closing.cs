using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>How a connection ended and what happens next: close codes, fatal reasons, refused privileged intents.</summary>
public sealed partial class GatewaySession
{
    private async Task<ConnectionOutcome> OnClosedAsync(GatewayFrame frame, bool reachedReady, CancellationToken cancellationToken)
    {
        if (_zombie)
        {
            return new ConnectionOutcome(ReconnectAction.Resume, "no heartbeat ACK (zombie connection)", reachedReady);
        }

        var code = frame.CloseCode;
        LogClosed(_logger, code);
        var action = GatewayCloseCodes.Classify(code);
        if (action != ReconnectAction.Fatal)
        {
            var reason = code is int c ? $"the gateway closed the connection ({c})" : "connection dropped";
            return new ConnectionOutcome(action, reason, reachedReady);
        }

        if (code == GatewayCloseCodes.DisallowedIntents && (_intents & PrivilegedIntents) != GatewayIntents.None)
        {
            // The app runs on without them: drop what the portal does not grant, start a new session, and
            // keep telling the owner exactly which switch to turn on.
            var missing = await FindDisallowedIntentsAsync(cancellationToken).ConfigureAwait(false);
            var names = string.Join(" and ", GatewayIntentsParser.PortalNames(missing));
            _intents &= ~missing;
            _degradedReason = $"Running without {names}: Discord refused it (close 4014). Enable {names} under Bot > Privileged Gateway Intents in the Discord Developer Portal and restart to count everything.";
            LogIntentsDropped(_logger, names);
            return new ConnectionOutcome(ReconnectAction.Identify, _degradedReason, reachedReady, TimeSpan.Zero);
        }

        return new ConnectionOutcome(ReconnectAction.Fatal, GatewayCloseCodes.FatalReason(code!.Value), reachedReady);
    }

    private static readonly TimeSpan MinRequestedHeartbeatGap = TimeSpan.FromSeconds(1);

    private const GatewayIntents PrivilegedIntents = GatewayIntents.GuildMembers | GatewayIntents.MessageContent;

    /// <summary>The privileged intents the portal does not grant, from the application flags when REST can tell; else all requested.</summary>
    private async Task<GatewayIntents> FindDisallowedIntentsAsync(CancellationToken cancellationToken)
    {
        var requested = _intents & PrivilegedIntents;
        var missing = requested;
        try
        {
            if (await _rest.GetCurrentApplicationFlagsAsync(cancellationToken).ConfigureAwait(false) is { } flags)
            {
                if ((flags & ApplicationFlags.AnyGuildMembers) != 0)
                {
                    missing &= ~GatewayIntents.GuildMembers;
                }

                if ((flags & ApplicationFlags.AnyMessageContent) != 0)
                {
                    missing &= ~GatewayIntents.MessageContent;
                }

                if (missing == GatewayIntents.None)
                {
                    missing = requested;
                }
            }
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or JsonException or TaskCanceledException)
        {
            LogApplicationFlagsUnavailable(_logger, ex.GetType().Name);
        }

        return missing;
    }
}
