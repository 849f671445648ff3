namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>What the transport read loop hands to the session.</summary>
public enum GatewayFrameKind
{
    /// <summary>A decoded payload.</summary>
    Payload,

    /// <summary>A message that was not a valid gateway payload; the session logs and skips it.</summary>
    Malformed,

    /// <summary>The socket closed (with a close code) or dropped (no code). Always the last frame.</summary>
    Closed,
}
