using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// A slow card rests between live reloads (LiveCardBase.RestPerLoad): a load that took T is followed by at
/// least T x 9 without a live reload, and the updates that arrive meanwhile make one reload after it.
/// </summary>
public sealed class LiveCardRestTests : DashboardTestContext
{
    [Fact]
    public async Task LiveRefresh_AfterASlowLoad_WaitsItsRest_ThenReloadsOnceForEveryUpdateMeanwhile()
    {
        var loads = 0;
        var cut = Render<SlowCard>(p => p
            .Add(c => c.Query, Last7Days())
            .Add(c => c.Load, () =>
            {
                Interlocked.Increment(ref loads);
                // The load "takes" 2 s of the test's clock: its rest is 18 s.
                Time.Advance(TimeSpan.FromSeconds(2));
            }));
        cut.WaitForAssertion(() => Assert.Equal("loaded 1", cut.Markup));

        PublishAndTick(World.Guild);
        PublishAndTick(World.Guild);
        await Task.Delay(200);
        Assert.Equal(1, Volatile.Read(ref loads));
        Assert.Equal("loaded 1", cut.Markup);

        // 2 s of ticks so far; the rest ends 18 s after the load.
        Time.Advance(TimeSpan.FromSeconds(16));
        cut.WaitForAssertion(() => Assert.Equal("loaded 2", cut.Markup));
        await Task.Delay(200);
        Assert.Equal(2, Volatile.Read(ref loads));
        Assert.Equal("loaded 2", cut.Markup);
    }

    [Fact]
    public async Task LiveRefresh_AfterAnInstantLoad_ReloadsAtEveryUpdate()
    {
        var loads = 0;
        var cut = Render<SlowCard>(p => p.Add(c => c.Query, Last7Days()).Add(c => c.Load, () => Interlocked.Increment(ref loads)));
        cut.WaitForAssertion(() => Assert.Equal("loaded 1", cut.Markup));

        // The first update fires at once; the test's clock then stands still while the reload runs (a tick during
        // it would count as load time).
        Notifier.Publish([World.Guild]);
        cut.WaitForAssertion(() => Assert.Equal("loaded 2", cut.Markup));
        PublishAndTick(World.Guild);
        cut.WaitForAssertion(() => Assert.Equal("loaded 3", cut.Markup));
        PublishAndTick(World.Guild);
        cut.WaitForAssertion(() => Assert.Equal("loaded 4", cut.Markup));
        await Task.CompletedTask;
    }

    /// <summary>A card whose load is whatever the test says; it shows how many loads have finished.</summary>
    public sealed class SlowCard : LiveCardBase<string>
    {
        private int _finished;

        [Parameter]
        public Action Load { get; set; } = () => { };

        protected override Func<CancellationToken, Task<string>> PrepareLoad(AnalyticsQuery query)
        {
            var load = Load;
            return _ =>
            {
                load();
                return Task.FromResult($"loaded {Interlocked.Increment(ref _finished)}");
            };
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Data);
    }
}
