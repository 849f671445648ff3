using System.Text.RegularExpressions;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.WarmUp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.WarmUp;

/// <summary>
/// The dashboard rendered once after the start, where nobody sees it (<see cref="DashboardRehearsal"/>), on the real app
/// over a real SQLite file: it waits for the warm-up's first pass, renders every card of the first listed guild with its
/// data, ends (once per start), and renders nothing without a guild. (A stop before the warm-up has passed ends it
/// promptly: HostedServiceStopTests, whose store never answers.) And the page a visitor is first sent: prerendered, its
/// cards load nothing (the live circuit loads them).
/// </summary>
public sealed partial class DashboardRehearsalTests : IAsyncLifetime
{
    private const ulong Guild = 6_900_000_000_000_000_001;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly AnalyticsAppFactory _app = new(AnalyticsAppFactory.WithWarmUp(), new FakeTimeProvider(Now));

    public async Task InitializeAsync()
    {
        // The app's own rehearsal ran on the empty store (no guild); the events come after it.
        Assert.Null(await _app.Services.GetRequiredService<DashboardRehearsal>().Rehearsed.WaitAsync(TimeSpan.FromSeconds(60)));
        var at = Now.AddHours(-3).ToUnixTimeMilliseconds();
        await _app.IngestAsync(
        [
            TestEvents.Guild(Guild, "Rehearsal Guild", at - 60_000),
            TestEvents.Channel(Guild, 10, "general", at - 60_000),
            TestEvents.Member(Guild, 20, "Ada", at - 60_000),
            TestEvents.Member(Guild, 21, "Bo", at - 60_000),
            TestEvents.Message(Guild, 10, 20, at, 1, "hello"),
            TestEvents.Message(Guild, 10, 21, at + 1_000, 2, "hi"),
            TestEvents.Reaction(Guild, 10, TestEvents.MessageId(at, 1), 21, at + 2_000),
        ]);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Rehearse_AfterTheWarmUpsFirstPass_EveryCardShownOnceThenEnds()
    {
        var rehearsal = ActivatorUtilities.CreateInstance<DashboardRehearsal>(_app.Services);

        await rehearsal.StartAsync(CancellationToken.None);
        var states = await rehearsal.Rehearsed.WaitAsync(TimeSpan.FromSeconds(120));

        // Every card of the dashboard, each with its data or its empty state: none still loading, none failed.
        Assert.NotNull(states);
        Assert.Equal(DashboardCardCount(), states.Count);
        Assert.All(states, s => Assert.Contains(s, new[] { "ready", "empty" }));
        Assert.Contains("ready", states);
        // Once per start: nothing is left running for a later warm-up pass to start again.
        await rehearsal.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await rehearsal.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RehearsalPage_TheDashboardInsideTheLayout_PastTheSignInGuard()
    {
        var parts = await DashboardRehearsal.RenderAsync(
            _app.Services.GetRequiredService<IServiceScopeFactory>(), _app.Services.GetRequiredService<ILoggerFactory>(), Guild.ToString(), "data-testid", CancellationToken.None);

        // The layout's bar (a signed-in visitor's: sign-out, not the notice of an ended sign-in the guard shows otherwise)
        // around the guild's dashboard.
        Assert.Contains("nav-dashboard", parts);
        Assert.Contains("logout", parts);
        Assert.Contains("source-status", parts);
        Assert.DoesNotContain("session-ended", parts);
        Assert.Contains("total-messages-value", parts);
    }

    [Fact]
    public async Task Prerender_GuildInTheAddress_CardsLoadingAndNoFigures()
    {
        using var client = await _app.CreateAdminClientAsync();

        var html = await client.GetStringAsync($"/?guildId={Guild}");

        // The guild's page, not yet live, with every card in its loading state: no figure is read for the prerender.
        Assert.Contains("Rehearsal Guild", html, StringComparison.Ordinal);
        Assert.Contains("data-interactive=\"false\"", html, StringComparison.Ordinal);
        var states = CardState().Matches(html).Select(m => m.Groups["state"].Value).ToList();
        Assert.Equal(DashboardCardCount() - 1, states.Count(s => s == "loading"));
        Assert.DoesNotContain("total-messages-value", html, StringComparison.Ordinal);
    }

    /// <summary>The cards DashboardCards lists (each a CardShell with a data-state).</summary>
    private static int DashboardCardCount() =>
        CardTag().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "DiscordAnalytics.Web", "Components", "Pages", "Dashboard", "DashboardCards.razor"))).Count;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DiscordAnalytics.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("DiscordAnalytics.sln not found above the test binaries.");
    }

    [GeneratedRegex("<[A-Za-z]+Card Query=")]
    private static partial Regex CardTag();

    [GeneratedRegex("data-state=\"(?<state>[a-z]+)\"")]
    private static partial Regex CardState();
}
