using Bunit;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class SourceStatusChipTests : BunitContext, IAsyncLifetime
{
    private readonly SourceStatus _status = new();
    private readonly DiscordRestHealth _rest = new();

    public SourceStatusChipTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        Services.AddMudServices();
        Services.AddSingleton(_status);
        Services.AddSingleton(_rest);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void Render_Demo_ShowsDemoWithoutAReasonLine()
    {
        _status.Set(SourceState.Demo, "Demo community (no bot token configured)");

        var cut = Render<SourceStatusChip>();

        Assert.Contains("Demo community", cut.Find("[data-testid=source-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=source-reason]"));
    }

    [Fact]
    public void Render_StatusChangesToDown_ShowsDisconnectedWithTheReasonWithoutReload()
    {
        _status.Set(SourceState.Connected);
        var cut = Render<SourceStatusChip>();
        Assert.Contains("Connected", cut.Find("[data-testid=source-status]").TextContent);

        _status.Set(SourceState.Down, "Discord rejected the bot token (401).");

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Disconnected", cut.Find("[data-testid=source-status]").TextContent);
            Assert.Equal("Discord rejected the bot token (401).", cut.Find("[data-testid=source-reason]").TextContent);
        });
    }

    [Fact]
    public void Render_ConnectedWithoutAnIntent_ShowsConnectedAndWhatToEnable()
    {
        _status.Set(SourceState.Connected, "Running without Message Content Intent (MESSAGE_CONTENT): enable it in the Developer Portal.");

        var cut = Render<SourceStatusChip>();

        Assert.Contains("Connected", cut.Find("[data-testid=source-status]").TextContent);
        Assert.Contains("Message Content Intent", cut.Find("[data-testid=source-reason]").TextContent);
    }

    [Fact]
    public void Render_ConnectedThenRestStopsAnswering_ShowsTheRestProblemBesideTheChipWithoutReload()
    {
        _status.Set(SourceState.Connected);
        var cut = Render<SourceStatusChip>();
        Assert.Empty(cut.FindAll("[data-testid=rest-reason]"));
        Assert.Contains("success", cut.Find("[data-testid=source-status]").ClassName, StringComparison.Ordinal);

        _rest.Set(DiscordRestState.NotAnswering, "Discord REST not answering");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Discord REST not answering", cut.Find("[data-testid=rest-reason]").TextContent);
            Assert.Contains("warning", cut.Find("[data-testid=source-status]").ClassName, StringComparison.Ordinal);
        });

        _rest.Set(DiscordRestState.Answering);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=rest-reason]")));
    }

    [Fact]
    public void Render_DemoWithAStaleRestProblem_ShowsNoRestLine()
    {
        _status.Set(SourceState.Demo, "Demo community (no bot token configured)");
        _rest.Set(DiscordRestState.NotAnswering, "Discord REST not answering");

        var cut = Render<SourceStatusChip>();

        Assert.Empty(cut.FindAll("[data-testid=rest-reason]"));
    }
}
