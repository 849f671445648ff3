namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Gateway v10 opcodes we send or handle (FACTS.md section 2).</summary>
public enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
