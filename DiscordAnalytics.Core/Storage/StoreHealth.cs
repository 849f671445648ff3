namespace DiscordAnalytics.Core.Storage;

/// <summary>The store's health as the start-up integrity check found it; /healthz reports it.</summary>
public sealed class StoreHealth
{
    private volatile StoreHealthReport _report = new(false, "store not initialised yet");

    public StoreHealthReport Current => _report;

    public void Report(bool ok, string? problem) => _report = new StoreHealthReport(ok, problem);
}
