using Bunit;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Pages.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// The ingestion lag on an open dashboard: the pipeline here is real but not started, so events written
/// to it stay queued exactly as they do behind a stalled writer (nothing commits, so no live refresh).
/// </summary>
public sealed class DashboardLagTests : DashboardTestContext
{
    [Fact]
    public async Task Render_WriterStallsWhilePageIsOpen_ShowsQueuedEventsUntilTheyAreCommitted()
    {
        await SeedWorldAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"dashboard?guildId={World.Guild}");
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=ingestion-lag]"));

        var at = At(daysAgo: 0, hour: 11, minute: 37);
        for (var i = 0; i < 25; i++)
        {
            await pipeline.WriteAsync(
                new IngestEvent
                {
                    Type = IngestEventType.MessageCreate, GuildId = World.Guild, EventAt = at, ChannelId = World.General,
                    MessageId = Snowflake.FromUnixMs(at) + (ulong)i, UserId = World.Alice, Excerpt = "queued behind a stalled writer",
                },
                CancellationToken.None);
        }

        Time.Advance(LiveStatus.LagPollInterval);
        cut.WaitForAssertion(() => Assert.Equal("· 25 events queued", cut.Find("[data-testid=ingestion-lag]").TextContent.Trim()));

        // The writer comes back: everything queued is committed and counted, and the lag goes away.
        await pipeline.StartAsync(CancellationToken.None);
        try
        {
            await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Time.Advance(LiveStatus.LagPollInterval);
            cut.WaitForAssertion(() => Assert.Equal("34", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=ingestion-lag]")));
        }
        finally
        {
            await pipeline.StopAsync(CancellationToken.None);
        }
    }
}
