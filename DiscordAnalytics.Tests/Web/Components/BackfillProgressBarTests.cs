using Bunit;
using DiscordAnalytics.Web.Components.Shared;
using MudBlazor.Services;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class BackfillProgressBarTests : BunitContext
{
    public BackfillProgressBarTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData(0.426, "42%")]
    [InlineData(1.0, "100%")]
    [InlineData(1.7, "100%")]
    [InlineData(-0.2, "0%")]
    [InlineData(double.NaN, "0%")]
    public void Render_Value_ShowsWholePercentClamped(double value, string percent)
    {
        var cut = Render<BackfillProgressBar>(p => p.Add(c => c.Label, "general").Add(c => c.Value, value).Add(c => c.TestId, "bar"));

        Assert.Equal(percent, cut.Find("[data-testid=bar-percent]").TextContent.Trim());
        Assert.Equal(percent.TrimEnd('%'), cut.Find("[aria-valuenow]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Render_LabelAndDetail_AreShownAsText()
    {
        var cut = Render<BackfillProgressBar>(p => p
            .Add(c => c.Label, "<b>hostile</b>")
            .Add(c => c.Value, 0.5)
            .Add(c => c.Detail, "2 pages · 200 messages")
            .Add(c => c.TestId, "bar"));

        Assert.Contains("<b>hostile</b>", cut.Find("[data-testid=bar]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=bar] b"));
        Assert.Equal("2 pages · 200 messages", cut.Find("[data-testid=bar-detail]").TextContent.Trim());
    }
}
