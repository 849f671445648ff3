namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The state of the event source feeding a guild or the whole process, as /healthz and the UI show it.</summary>
public enum SourceState
{
    Starting,
    Demo,
    Connected,
    Resuming,
    Down,
}
