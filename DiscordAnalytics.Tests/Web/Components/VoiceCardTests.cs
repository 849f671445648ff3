using Bunit;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Voice card over voice sessions written by the real writer (today is Thursday 2026-11-19).</summary>
public sealed class VoiceCardTests : DashboardTestContext
{
    private const ulong Lounge = 910_000_000_000_000_071;

    [Fact]
    public async Task Render_SessionsThisWeekAndLast_MinutesChangeChannelsAndHeatMap()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(
            Channel(World.Guild, Lounge, "lounge", At(20), ChannelTypes.Voice),
            // Last week (cut like the other cards): 30 minutes, Alice alone.
            Voice(World.Guild, World.Alice, Lounge, At(8, 9, 0)),
            Voice(World.Guild, World.Alice, null, At(8, 9, 30)),
            // This week, Tuesday: Alice and Bob together 20:00-21:00, Bob muted for the last 15 minutes.
            Voice(World.Guild, World.Alice, Lounge, At(2, 20, 0)),
            Voice(World.Guild, World.Bob, Lounge, At(2, 20, 0)),
            Voice(World.Guild, World.Bob, Lounge, At(2, 20, 45), muted: true),
            Voice(World.Guild, World.Alice, null, At(2, 21, 0)),
            Voice(World.Guild, World.Bob, null, At(2, 21, 0)));

        var cut = Render<VoiceCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("2 h 00 min", cut.Find("[data-testid=voice-minutes]").TextContent));
        Assert.Equal("1 h 45 min talking with others · 15 min muted · 0 min alone", cut.Find("[data-testid=voice-breakdown]").TextContent.Trim());
        Assert.Equal("+300%", cut.Find("[data-testid=voice-change]").TextContent);
        Assert.Equal("🔊 lounge", cut.Find("[data-testid=voice-channel-name]").TextContent);
        Assert.Equal("2 h 00 min", cut.Find("[data-testid=voice-channel-minutes]").TextContent);
        Assert.Equal([120L], cut.FindAll("[data-testid=voice-heat-cell]").Select(c => long.Parse(c.GetAttribute("data-count")!)).Where(m => m > 0));
        Assert.Contains("voice.csv", cut.Find("[data-testid=card-voice]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NoVoice_SaysSoInsteadOfZeros()
    {
        await SeedWorldAsync();

        var cut = Render<VoiceCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=voice-minutes]")));
        Assert.Empty(cut.FindAll("[data-testid=voice-channel-row]"));
    }
}
