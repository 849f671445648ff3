namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The state of the event source feeding a guild or the whole process, as /healthz and the UI show it.</summary>
public enum SourceState
{
    Starting,
    Demo,
    Connected,
    Resuming,
    Down,

    /// <summary>Another instance of the shared store holds the gateway; this one serves the dashboard and takes over when it stops.</summary>
    Standby,
}
