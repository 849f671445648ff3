namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>How the emulator's gateway misbehaves for every connection (see <see cref="DiscordEmulator.GatewayFault"/>).</summary>
public enum GatewayFault
{
    /// <summary>Speaks gateway v10 like Discord.</summary>
    None,

    /// <summary>Accepts the WebSocket and closes it at once (1000), before HELLO.</summary>
    CloseAtOnce,

    /// <summary>Accepts the WebSocket and never sends anything (no HELLO), until the client goes.</summary>
    Silent,
}
