namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>What the session does after a connection ends.</summary>
public enum ReconnectAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and RESUME (falls back to IDENTIFY without a session).</summary>
    Resume,

    /// <summary>Drop the session, reconnect to the gateway URL and IDENTIFY afresh.</summary>
    Identify,

    /// <summary>Stop: retrying cannot help until the configuration changes.</summary>
    Fatal,
}
