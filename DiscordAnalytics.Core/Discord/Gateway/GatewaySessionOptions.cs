namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Tunables of <see cref="GatewaySession"/>. The defaults follow Discord's guidance; tests shrink the delays.</summary>
public sealed class GatewaySessionOptions
{
    /// <summary>First reconnect delay after a failure; doubles per consecutive failure. Default 1 s.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the reconnect delay. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Shortest wait before a fresh IDENTIFY after INVALID_SESSION false. Default 1 s.</summary>
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before a fresh IDENTIFY after INVALID_SESSION false. Default 5 s.</summary>
    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long opening the WebSocket (TCP, TLS, HTTP upgrade) may take before the attempt counts as failed. Default 20 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for HELLO after connecting before giving up on the connection. Default 20 s.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Dispatches buffered between the socket and the sink before reading pauses (backpressure). Default 1000.</summary>
    public int DispatchBufferCapacity { get; set; } = 1000;

    /// <summary>IDENTIFY <c>large_threshold</c> (50-250). Default 250.</summary>
    public int LargeThreshold { get; set; } = 250;

    /// <summary>IDENTIFY <c>properties.browser</c> / <c>device</c>. Default <c>discord-analytics</c>.</summary>
    public string ClientName { get; set; } = "discord-analytics";
}
