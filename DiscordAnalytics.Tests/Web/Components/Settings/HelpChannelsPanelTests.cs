using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>The help-channels panel over the seeded world plus a "questions" channel, saving through the real service.</summary>
public sealed class HelpChannelsPanelTests : DashboardTestContext
{
    private const ulong Questions = 910_000_000_000_000_020;

    private async Task<IRenderedComponent<HelpChannelsPanel>> RenderSeededAsync(ulong guild = World.Guild)
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.Channel(World.Guild, Questions, "questions", At(1, 9)));
        Services.AddSingleton<HelpChannelSettings>();
        return Render<HelpChannelsPanel>(p => p.Add(c => c.GuildId, guild));
    }

    [Fact]
    public async Task Render_NothingChosen_ListsChannelsByNameWithTheDefaultRuleChecked()
    {
        var cut = await RenderSeededAsync();

        cut.WaitForAssertion(() => Assert.Equal(
            [("#general", false), ("#questions", true), ("#random", false), ("#setups", false)],
            Boxes(cut)));
        Assert.Empty(cut.FindAll("[data-testid=help-channel-chosen]"));
    }

    [Fact]
    public async Task Save_CheckSetupsUncheckQuestions_StoredAsTheOwnersChoice()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForAssertion(() => Assert.Equal(4, Boxes(cut).Count));

        cut.Find($"[data-channel-id='{World.Setups}'] input").Change(true);
        cut.Find($"[data-channel-id='{Questions}'] input").Change(false);
        cut.Find("[data-testid=help-channels-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: 1 help channel.", cut.Find("[data-testid=help-channels-message]").TextContent.Trim()));
        var stored = await Services.GetRequiredService<HelpChannelSettings>().GetAsync((long)World.Guild, CancellationToken.None);
        Assert.Equal([World.Setups.ToString()], stored!.Where(c => c.IsHelpChannel).Select(c => c.ChannelId));
        Assert.Equal(
            [("#general", false), ("#questions", false), ("#random", false), ("#setups", true)],
            Boxes(cut));
        Assert.Equal(2, cut.FindAll("[data-testid=help-channel-chosen]").Count);
    }

    [Fact]
    public async Task Render_UnknownGuild_SaysSoInsteadOfAList()
    {
        var cut = await RenderSeededAsync(guild: 123_456_789);

        cut.WaitForAssertion(() => Assert.Equal("This guild is not in the store.", cut.Find("[data-testid=help-channels-message]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=help-channel]"));
    }

    private static List<(string Name, bool Checked)> Boxes(IRenderedComponent<HelpChannelsPanel> cut) =>
        [.. cut.FindAll("[data-testid=help-channel]").Select(box => (
            box.QuerySelector("[data-testid=help-channel-name]")!.TextContent.Trim(),
            box.QuerySelector(".mud-checkbox-true") is not null))];
}
