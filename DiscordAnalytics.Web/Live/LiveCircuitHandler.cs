using Microsoft.AspNetCore.Components.Server.Circuits;

namespace DiscordAnalytics.Web.Live;

/// <summary>
/// Pauses the circuit's live refreshes while its connection is down and resumes them when it is back. A tab that
/// was closed or left keeps its circuit for minutes; without this its cards went on reloading for nobody, and a
/// chart redrawn then called into a browser that was gone (an error in the log at every such reload).
/// </summary>
public sealed class LiveCircuitHandler(DashboardLiveUpdates live) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        live.Pause();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        live.Resume();
        return Task.CompletedTask;
    }
}
