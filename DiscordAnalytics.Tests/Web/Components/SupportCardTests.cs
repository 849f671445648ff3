using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Support card over the seeded world and help threads, through the real support-signals query.</summary>
public sealed class SupportCardTests : DashboardTestContext
{
    // A thread's id is its creation time, as Discord's are: the query reads the window from the ids.
    private static readonly ulong Unanswered = TestEvents.MessageId(At(3, 10), 50);
    private static readonly ulong OlderUnanswered = TestEvents.MessageId(At(4, 10), 51);
    private static readonly ulong QuickAnswer = TestEvents.MessageId(At(2, 10), 52);
    private static readonly ulong SlowAnswer = TestEvents.MessageId(At(2, 12), 53);

    [Fact]
    public async Task Render_NoHelpChannel_SaysHowToMarkOneWithALinkToSettings()
    {
        // The world's channels are general, setups and random: none counts as a help channel by default.
        await SeedWorldAsync();

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days()));

        var notice = cut.WaitForElement("[data-testid=support-no-help-channel]");
        Assert.Contains("No help channel is marked", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"settings?guildId={World.Guild}", cut.Find("[data-testid=support-settings-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=support-numbers]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=support-topic]"));
    }

    [Fact]
    public async Task Render_MarkedHelpChannel_ShowsUnansweredThreadsWithLinksMedianAndP90()
    {
        await SeedHelpThreadsAsync();

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=support-unanswered]").TextContent.Trim()));
        // Answers after 30 and 90 minutes: median 60 min (1 h), 90th percentile (nearest rank) 90 min.
        Assert.Equal("1 h", cut.Find("[data-testid=support-median]").TextContent.Trim());
        Assert.Equal("1.5 h", cut.Find("[data-testid=support-p90]").TextContent.Trim());
        var threads = cut.FindAll("[data-testid=support-thread]");
        Assert.Equal([$"{Unanswered}", $"{OlderUnanswered}"], threads.Select(t => t.GetAttribute("data-thread-id")));
        Assert.Equal("printer on fire", threads[0].QuerySelector("[data-testid=support-thread-link]")!.TextContent.Trim());
        Assert.Equal($"https://discord.com/channels/{World.Guild}/{Unanswered}", threads[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("_blank", threads[0].QuerySelector("a")!.GetAttribute("target"));
        Assert.Contains("in #random · 2026-11-16 10:00 UTC", threads[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("vpn drops", threads[1].QuerySelector("[data-testid=support-thread-link]")!.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=support-no-help-channel]"));
    }

    [Fact]
    public async Task Render_ThreadOfAHiddenMember_IsListedWithoutItsTitle()
    {
        await SeedHelpThreadsAsync();
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Dave, MemberPrivacyChoice.Hidden, CancellationToken.None);

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=support-thread]").Count));
        var hidden = cut.FindAll("[data-testid=support-thread]")[1];
        Assert.Equal("(a hidden member's thread)", hidden.QuerySelector("[data-testid=support-thread-link]")!.TextContent.Trim());
        Assert.DoesNotContain("vpn", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HelpChannelWithoutAnswers_SaysNoneAnswered()
    {
        await SeedWorldAsync();
        await MarkRandomAsHelpChannelAsync();

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=support-unanswered]").TextContent.Trim()));
        Assert.Equal("none answered", cut.Find("[data-testid=support-median]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=support-thread]"));
    }

    [Fact]
    public async Task Render_ResolvedAndEscalatedThreads_ShowsShareResolutionTimesAndTheEscalationList()
    {
        const ulong mods = 9_001;
        await SeedHelpThreadsAsync();
        await Store.WriteAsync(
            TestEvents.Role(World.Guild, mods, "moderators", At(5)),
            // Archived half an hour after its answer: resolved an hour after the question.
            Archive(QuickAnswer, At(2, 11)),
            // Archived before its answer came: not resolved.
            Archive(SlowAnswer, At(2, 13)),
            TestEvents.Message(World.Guild, Unanswered, World.Alice, At(3, 10, 5), 2, "anyone?") with { MentionedRoleIds = new RoleIdList([mods]) },
            TestEvents.Message(World.Guild, OlderUnanswered, World.Dave, At(3, 11), 3, "still broken"));
        var roles = new EscalationRoleSettings(Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>());
        Assert.Equal(EscalationRolesUpdate.Saved, await roles.SetAsync((long)World.Guild, [(long)mods], CancellationToken.None));

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=support-escalations]").TextContent.Trim()));
        Assert.Equal("25%", cut.Find("[data-testid=support-resolved-share]").TextContent.Trim());
        Assert.Equal("1 h", cut.Find("[data-testid=support-resolution-median]").TextContent.Trim());
        Assert.Equal("1 h", cut.Find("[data-testid=support-resolution-p90]").TextContent.Trim());
        Assert.Contains("tagged solved, or closed after an answer", cut.Find("[data-testid=support-resolution]").TextContent, StringComparison.Ordinal);
        var escalations = cut.FindAll("[data-testid=support-escalation]");
        Assert.Equal(
            [($"{OlderUnanswered}", "askedAgain"), ($"{Unanswered}", "roleMention")],
            escalations.Select(e => (e.GetAttribute("data-escalation-id"), e.GetAttribute("data-reason"))));
        Assert.Equal("vpn drops", escalations[0].QuerySelector("[data-testid=support-escalation-link]")!.TextContent.Trim());
        Assert.Contains("in #random · asked again, no answer · ", escalations[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("pinged a moderator role", escalations[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"https://discord.com/channels/{World.Guild}/{Unanswered}", escalations[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_EscalationOfAHiddenMember_IsListedWithoutItsTitle()
    {
        const ulong mods = 9_001;
        await SeedHelpThreadsAsync();
        await Store.WriteAsync(
            TestEvents.Role(World.Guild, mods, "moderators", At(5)),
            TestEvents.Message(World.Guild, OlderUnanswered, World.Dave, At(4, 10, 5), 2, "help") with { MentionedRoleIds = new RoleIdList([mods]) });
        var roles = new EscalationRoleSettings(Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>());
        Assert.Equal(EscalationRolesUpdate.Saved, await roles.SetAsync((long)World.Guild, [(long)mods], CancellationToken.None));
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Dave, MemberPrivacyChoice.Hidden, CancellationToken.None);

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=support-escalation]")));
        Assert.Equal("(a hidden member's thread)", cut.Find("[data-testid=support-escalation-link]").TextContent.Trim());
        Assert.DoesNotContain("vpn", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ShareAndResolution_NothingToMeasure_SayWhy()
    {
        Assert.Equal("no help threads", SupportCard.Share(null));
        Assert.Equal("none resolved", SupportCard.Resolution(null));
        Assert.Equal("33%", SupportCard.Share(0.333));
    }

    [Theory]
    [InlineData(0.4, "under 1 min")]
    [InlineData(12.4, "12 min")]
    [InlineData(90, "1.5 h")]
    [InlineData(3000, "2.1 d")]
    public void Minutes_Durations_ReadAsAPersonSaysThem(double minutes, string expected) =>
        Assert.Equal(expected, SupportCard.Minutes(minutes));

    /// <summary>The world, with "random" marked as the help channel and four threads in it (two unanswered).</summary>
    private async Task SeedHelpThreadsAsync()
    {
        await SeedWorldAsync();
        await MarkRandomAsHelpChannelAsync();
        await Store.WriteAsync([
            .. Ask(Unanswered, World.Alice, "printer on fire", At(3, 10)),
            .. Ask(OlderUnanswered, World.Dave, "vpn drops", At(4, 10)),
            .. Ask(QuickAnswer, World.Bob, "how to export", At(2, 10)),
            TestEvents.Message(World.Guild, QuickAnswer, World.Dave, At(2, 10, 30), 1, "use the CSV button"),
            .. Ask(SlowAnswer, World.Carol, "chart colours", At(2, 12)),
            TestEvents.Message(World.Guild, SlowAnswer, World.Alice, At(2, 13, 30), 1, "settings page"),
        ]);
    }

    /// <summary>A thread in "random" started with its owner's message (id == thread id, as a forum post is).</summary>
    private static IEnumerable<IngestEvent> Ask(ulong thread, ulong owner, string title, long at) =>
    [
        TestEvents.Thread(World.Guild, World.Random, thread, owner, title, at),
        new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = World.Guild, ChannelId = thread, MessageId = thread, UserId = owner, EventAt = at, Excerpt = title },
    ];

    /// <summary>A THREAD_UPDATE saying the thread in "random" was archived at <paramref name="at"/>.</summary>
    private static IngestEvent Archive(ulong thread, long at) => new()
    {
        Type = IngestEventType.ChannelUpsert, GuildId = World.Guild, EventAt = at + 1_000, ChannelId = thread, ParentId = World.Random,
        ChannelType = 11, Name = "thread", ThreadStatus = new ThreadStatus(true, false, at, new RoleIdList([])),
    };

    private async Task MarkRandomAsHelpChannelAsync()
    {
        var settings = new HelpChannelSettings(Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>());
        Assert.Equal(HelpChannelsUpdate.Saved, await settings.SetAsync((long)World.Guild, [(long)World.Random], CancellationToken.None));
    }
}
