using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Web.Components;
using DiscordAnalytics.Web.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Live;

/// <summary>
/// A circuit without a connection (a tab closed or left, a network drop) reloads no card; when the connection is back,
/// the updates made meanwhile reload each card once. The app registers the handler for every circuit.
/// </summary>
public sealed class LiveCircuitHandlerTests : DashboardTestContext
{
    [Fact]
    public async Task ConnectionDown_UpdatesReloadNothing_UntilTheConnectionIsBack_ThenOneReload()
    {
        var loads = 0;
        var cut = Render<LiveCardRestTests.SlowCard>(p => p.Add(c => c.Query, Last7Days()).Add(c => c.Load, () => Interlocked.Increment(ref loads)));
        cut.WaitForAssertion(() => Assert.Equal("loaded 1", cut.Markup));
        var handler = new LiveCircuitHandler(Services.GetRequiredService<DashboardLiveUpdates>());

        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        PublishAndTick(World.Guild);
        PublishAndTick(World.Guild);
        await Task.Delay(200);
        Assert.Equal(1, Volatile.Read(ref loads));

        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        cut.WaitForAssertion(() => Assert.Equal("loaded 2", cut.Markup));
        await Task.Delay(200);
        Assert.Equal(2, Volatile.Read(ref loads));

        // Live again: the next update reloads as before.
        PublishAndTick(World.Guild);
        cut.WaitForAssertion(() => Assert.Equal("loaded 3", cut.Markup));
    }

    [Fact]
    public async Task App_EveryCircuitScope_HasTheHandlerOfItsOwnLiveUpdates()
    {
        await using var app = new AnalyticsAppFactory();
        using var scope = app.Services.CreateScope();

        var handler = Assert.Single(scope.ServiceProvider.GetServices<CircuitHandler>().OfType<LiveCircuitHandler>());
        var live = scope.ServiceProvider.GetRequiredService<DashboardLiveUpdates>();
        var refreshed = 0;
        live.Refresh += _ => Interlocked.Increment(ref refreshed);

        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        app.Services.GetRequiredService<Core.Ingestion.IngestionNotifier>().Publish([42]);
        await Task.Delay(DashboardLiveUpdates.MinInterval * 2);
        Assert.Equal(0, Volatile.Read(ref refreshed));

        await handler.OnConnectionUpAsync(null!, CancellationToken.None);
        await Eventually.TrueAsync(() => Volatile.Read(ref refreshed) >= 1, "the update kept while the connection was down is raised");
    }
}
