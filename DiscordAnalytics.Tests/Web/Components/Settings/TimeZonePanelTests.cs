using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>The time-zone panel over the seeded world, saving through the real service (now: Thu 2026-11-19 15:00 UTC).</summary>
public sealed class TimeZonePanelTests : DashboardTestContext
{
    [Fact]
    public async Task Save_IanaZone_StoredAndTheLocalTimeShown()
    {
        await SeedWorldAsync();
        var cut = Render<TimeZonePanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => Assert.Equal("UTC", cut.Find("[data-testid=time-zone-panel] input").GetAttribute("value")));

        Type(cut, "Asia/Kathmandu");
        cut.Find("[data-testid=time-zone-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: Asia/Kathmandu.", cut.Find("[data-testid=time-zone-message]").TextContent.Trim()));
        Assert.Equal("In use: Asia/Kathmandu, now Thu 20:45 (UTC+05:45)", Normalized(cut.Find("[data-testid=time-zone-now]").TextContent));
        Assert.Equal("Asia/Kathmandu", await Services.GetRequiredService<GuildTimeZone>().GetAsync((long)World.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Save_ZoneTypedInLowerCase_StoredInTheSystemSpelling()
    {
        await SeedWorldAsync();
        var cut = Render<TimeZonePanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => cut.Find("[data-testid=time-zone-save]"));

        Type(cut, "asia/kathmandu");
        cut.Find("[data-testid=time-zone-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: Asia/Kathmandu.", cut.Find("[data-testid=time-zone-message]").TextContent.Trim()));
        Assert.Equal("Asia/Kathmandu", await Services.GetRequiredService<GuildTimeZone>().GetAsync((long)World.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Typing_PartOfAZone_SuggestsIanaZones()
    {
        await SeedWorldAsync();
        var cut = Render<TimeZonePanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => cut.Find("[data-testid=time-zone-save]"));

        var field = cut.FindComponent<MudBlazor.MudAutocomplete<string>>().Instance;
        Assert.NotNull(field.SearchFunc);
        var search = field.SearchFunc("kathm", CancellationToken.None);
        Assert.NotNull(search);
        var suggestions = (await search).ToList();

        Assert.Equal("Asia/Kathmandu", suggestions[0]);
    }

    [Fact]
    public async Task Save_NotAZone_ErrorAndNothingStored()
    {
        await SeedWorldAsync();
        var cut = Render<TimeZonePanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => cut.Find("[data-testid=time-zone-save]"));

        Type(cut, "Europe/Atlantis");
        cut.Find("[data-testid=time-zone-save]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not an IANA time zone id", cut.Find("[data-testid=time-zone-message]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("UTC", await Services.GetRequiredService<GuildTimeZone>().GetAsync((long)World.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Render_UnknownGuild_SaysSo()
    {
        await SeedWorldAsync();

        var cut = Render<TimeZonePanel>(p => p.Add(c => c.GuildId, 123UL));

        cut.WaitForAssertion(() => Assert.Equal("This guild is not in the store.", cut.Find("[data-testid=time-zone-message]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=time-zone-save]"));
    }

    /// <summary>Types into the time zone field and leaves it, as a person does before pressing Save.</summary>
    private static void Type(IRenderedComponent<TimeZonePanel> cut, string text)
    {
        var input = cut.Find("[data-testid=time-zone-panel] input");
        input.Input(text);
        input.Blur();
    }

    private static string Normalized(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
