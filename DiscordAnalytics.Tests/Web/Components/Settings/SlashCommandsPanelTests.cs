using Bunit;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>The Slash commands panel over the seeded world: off by default, saved to the store, previews equal to the answers.</summary>
public sealed class SlashCommandsPanelTests : DashboardTestContext
{
    private SlashCommandAnswers Answers => Services.GetRequiredService<SlashCommandAnswers>();

    private async Task<IRenderedComponent<SlashCommandsPanel>> RenderSeededAsync()
    {
        await SeedWorldAsync();
        var cut = Render<SlashCommandsPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => cut.Find("[data-testid=slash-commands-preview-leaderboard]"));
        return cut;
    }

    [Fact]
    public async Task Render_NewGuild_OffAndPreviewsAreTheAnswersWithTheSummarysNumbers()
    {
        var cut = await RenderSeededAsync();

        Assert.Null(cut.Find("[data-testid=slash-commands-answer] input").GetAttribute("checked"));
        Assert.Equal("No commands registered on Discord.", cut.Find("[data-testid=slash-commands-registered]").TextContent.Trim());
        var stats = cut.Find("[data-testid=slash-commands-preview-stats]").TextContent;
        Assert.Equal(await Answers.StatsAsync(World.Guild, CancellationToken.None), stats);
        var totals = await Services.GetRequiredService<TotalsQuery>().RunAsync(Last7Days(), CancellationToken.None);
        Assert.Contains($"Messages: {totals.Messages:N0} (previous 7 days: 4, ", stats, StringComparison.Ordinal);
        Assert.Contains("Top channel: #general", stats, StringComparison.Ordinal);
        Assert.Equal(await Answers.LeaderboardAsync(World.Guild, CancellationToken.None), cut.Find("[data-testid=slash-commands-preview-leaderboard]").TextContent);
    }

    [Fact]
    public async Task Render_RegistrationRefused_ShowsWhatFailedAndWhen()
    {
        await SeedWorldAsync();
        var at = new DateTimeOffset(2026, 11, 20, 9, 30, 5, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Services.GetRequiredService<SlashCommandRegistrations>().Record(World.Guild, new SlashCommandRegistration(false, 3, at, 403, "Discord refused (403): invite the bot again."));

        var cut = Render<SlashCommandsPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => Assert.Equal(
            "Registering 3 commands failed at 2026-11-20 09:30:05 UTC: Discord refused (403): invite the bot again.",
            cut.Find("[data-testid=slash-commands-registration]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_RegistrationTaken_ShowsNoWarning()
    {
        await SeedWorldAsync();
        Services.GetRequiredService<SlashCommandRegistrations>().Record(World.Guild, new SlashCommandRegistration(true, 3, 1, null, null));

        var cut = Render<SlashCommandsPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => cut.Find("[data-testid=slash-commands-preview-leaderboard]"));
        Assert.Empty(cut.FindAll("[data-testid=slash-commands-registration]"));
    }

    [Fact]
    public async Task Render_NothingAnsweredYet_SaysSo()
    {
        var cut = await RenderSeededAsync();

        Assert.Equal("No command answered since the app started.", cut.Find("[data-testid=slash-commands-recent-none]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=slash-commands-recent-entry]"));
    }

    [Fact]
    public async Task Render_AnswersKept_NewestFirstWithResultAndOnlyTheSimulatedOnesText()
    {
        await SeedWorldAsync();
        var log = Services.GetRequiredService<SlashCommandLog>();
        var at = new DateTimeOffset(2026, 11, 20, 9, 30, 5, TimeSpan.Zero).ToUnixTimeMilliseconds();
        log.Record(World.Guild, new SlashCommandAnswered(at, "me", "deferred", Public: false, 2_400));
        log.Record(World.Guild, new SlashCommandAnswered(at + 60_000, "stats", "simulated", Public: true, 12.4, "Messages: 19"));

        var cut = Render<SlashCommandsPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=slash-commands-recent-entry]").Count));
        Assert.Equal(
            ["2026-11-20 09:31:05 UTC /stats: simulated, everyone saw it, 12 ms", "2026-11-20 09:30:05 UTC /me: deferred, only the caller saw it, 2,400 ms"],
            cut.FindAll("[data-testid=slash-commands-recent-entry]").Select(e => string.Join(' ', e.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("Messages: 19", cut.Find("[data-testid=slash-commands-recent-text]").TextContent);
        Assert.Contains("nothing is sent to Discord", cut.Find("[data-testid=slash-commands-simulated]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MoreAnswersThanShown_ListsTheNewestFive()
    {
        await SeedWorldAsync();
        var log = Services.GetRequiredService<SlashCommandLog>();
        for (var i = 0; i < SlashCommandLog.Kept + 3; i++)
        {
            log.Record(World.Guild, new SlashCommandAnswered(1_000 * i, "stats", "answered", Public: false, i));
        }

        var cut = Render<SlashCommandsPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=slash-commands-recent-entry]").Count));
        Assert.Equal(SlashCommandLog.Kept, log.Recent(World.Guild).Count);
        Assert.Equal(SlashCommandLog.Kept + 2, log.Recent(World.Guild)[0].LatencyMs);
        Assert.Empty(cut.FindAll("[data-testid=slash-commands-recent-text]"));
        Assert.Empty(cut.FindAll("[data-testid=slash-commands-simulated]"));
    }

    [Fact]
    public async Task Save_SwitchOnAndStatsPublic_StoredAndSaid()
    {
        var cut = await RenderSeededAsync();

        cut.Find("[data-testid=slash-commands-answer] input").Change(true);
        cut.Find("[data-testid=slash-commands-stats-public] input").Change(true);
        cut.Find("[data-testid=slash-commands-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: slash commands are answered.", cut.Find("[data-testid=slash-commands-message]").TextContent.Trim()));
        var stored = await Services.GetRequiredService<SlashCommandSettingsStore>().GetAsync((long)World.Guild, CancellationToken.None);
        Assert.Equal(new SlashCommandsView(Answer: true, StatsPublic: true, LeaderboardPublic: false, RegisteredCommands: 0), stored);
    }

    [Fact]
    public async Task PreviewMe_NotAnIdThenAHiddenMemberThenAListedOne_ErrorOptedOutAndTheirNumbers()
    {
        await SeedWorldAsync();
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Carol, "hidden", CancellationToken.None);
        var cut = Render<SlashCommandsPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => cut.Find("[data-testid=slash-commands-me-preview]"));
        Assert.DoesNotContain("carol", cut.Find("[data-testid=slash-commands-preview-leaderboard]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=slash-commands-me-user] input").Change("carol");
        cut.Find("[data-testid=slash-commands-me-preview]").Click();
        cut.WaitForAssertion(() => Assert.Contains("A member's Discord id", cut.Find("[data-testid=slash-commands-me-user]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=slash-commands-me-user] input").Change(World.Carol.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=slash-commands-me-preview]").Click();
        cut.WaitForAssertion(() => Assert.Equal(SlashCommandAnswers.OptedOut, cut.Find("[data-testid=slash-commands-preview-me]").TextContent));

        cut.Find("[data-testid=slash-commands-me-user] input").Change(World.Alice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=slash-commands-me-preview]").Click();
        var alice = await Answers.MeAsync(World.Guild, World.Alice, CancellationToken.None);
        Assert.StartsWith("Your last 7 days: ", alice, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(alice, cut.Find("[data-testid=slash-commands-preview-me]").TextContent));
    }
}
