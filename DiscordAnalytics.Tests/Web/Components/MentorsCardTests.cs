using System.Net.Http.Json;
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

/// <summary>The Mentors card over the seeded world and help threads in "random", through the real mentors query.</summary>
public sealed class MentorsCardTests : DashboardTestContext
{
    private static readonly ulong Printer = TestEvents.MessageId(At(3, 10), 50);
    private static readonly ulong Export = TestEvents.MessageId(At(2, 10), 51);

    [Fact]
    public async Task Render_HelpThreadsAnswered_RanksByFirstAnswersWithAnswersAndReactions()
    {
        await SeedHelpThreadsAsync();

        var cut = Render<MentorsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=mentor-row]").Count));
        Assert.Equal(
            [("bob", "2", "2", "1"), ("dave", "0", "1", "0")],
            cut.FindAll("[data-testid=mentor-row]").Select(r => (
                r.QuerySelector("[data-testid=mentor-name]")!.TextContent.Trim(),
                r.QuerySelector("[data-testid=mentor-first]")!.TextContent.Trim(),
                r.QuerySelector("[data-testid=mentor-answers]")!.TextContent.Trim(),
                r.QuerySelector("[data-testid=mentor-reactions]")!.TextContent.Trim())));
    }

    [Fact]
    public async Task Render_HiddenMentor_IsNotListed()
    {
        await SeedHelpThreadsAsync();
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Bob, MemberPrivacyChoice.Hidden, CancellationToken.None);

        var cut = Render<MentorsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=mentor-row]")));
        Assert.Equal($"{World.Dave}", cut.Find("[data-testid=mentor-row]").GetAttribute("data-user-id"));
        Assert.DoesNotContain("bob", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvLink_DownloadsTheCardsRowsForItsWindow()
    {
        await SeedHelpThreadsAsync();
        var cut = Render<MentorsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=mentor-row]").Count));
        var link = cut.Find("[data-testid=card-export]");

        var lines = await CardCsvExportTests.DownloadAsync(Store.ConnectionString, link.GetAttribute("href")!);

        Assert.Equal($"mentors-{World.Guild}-2026-11-13-to-2026-11-19.csv", link.GetAttribute("download"));
        Assert.Equal(["discordUserId,name,firstAnswers,answers,reactionsOnAnswers", $"{World.Bob},bob,2,2,1", $"{World.Dave},dave,0,1,0"], lines);

        // A window before the threads has no rows.
        var quiet = await CardCsvExportTests.DownloadAsync(Store.ConnectionString, CsvExport.Href(QuietWeek(), "mentors"));
        Assert.Equal(["discordUserId,name,firstAnswers,answers,reactionsOnAnswers"], quiet);
    }

    [Fact]
    public async Task Summary_OverHttp_CarriesTheMentorsField()
    {
        await SeedHelpThreadsAsync();
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = Store.ConnectionString },
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
        using var client = await app.CreateAdminClientAsync();

        var summary = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/guilds/{World.Guild}/summary?window=7d");

        Assert.Equal(
            [($"{World.Bob}", "bob", 2, 2, 1), ($"{World.Dave}", "dave", 0, 1, 0)],
            summary.GetProperty("mentors").EnumerateArray().Select(m => (
                m.GetProperty("userId").GetString(), m.GetProperty("name").GetString(),
                m.GetProperty("firstAnswers").GetInt32(), m.GetProperty("answers").GetInt32(), m.GetProperty("reactionsOnAnswers").GetInt32())));
    }

    [Fact]
    public async Task Render_NoHelpThreads_SaysSo()
    {
        await SeedWorldAsync();

        var cut = Render<MentorsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("No answered help threads or questions", cut.Markup, StringComparison.Ordinal));
    }

    /// <summary>
    /// The world with "random" as the help channel: Alice asks (Bob answers first, Dave later, Alice thanks in her own
    /// thread, which never counts), Carol asks (Bob answers; Dave reacts on it, Bob on his own answer, which never counts).
    /// </summary>
    private async Task SeedHelpThreadsAsync()
    {
        await SeedWorldAsync();
        var settings = new HelpChannelSettings(Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>());
        Assert.Equal(HelpChannelsUpdate.Saved, await settings.SetAsync((long)World.Guild, [(long)World.Random], CancellationToken.None));
        var bobsAnswer = TestEvents.Message(World.Guild, Export, World.Bob, At(2, 10, 20), 2, "use the CSV button");
        await Store.WriteAsync([
            .. Ask(Printer, World.Alice, "printer on fire", At(3, 10)),
            TestEvents.Message(World.Guild, Printer, World.Bob, At(3, 10, 5), 1, "unplug it"),
            TestEvents.Message(World.Guild, Printer, World.Dave, At(3, 11), 2, "and call IT"),
            TestEvents.Message(World.Guild, Printer, World.Alice, At(3, 12), 3, "thanks"),
            .. Ask(Export, World.Carol, "how to export", At(2, 10)),
            bobsAnswer,
            TestEvents.Reaction(World.Guild, Export, bobsAnswer.MessageId!.Value, World.Dave, At(2, 11)),
            TestEvents.Reaction(World.Guild, Export, bobsAnswer.MessageId.Value, World.Bob, At(2, 11)),
        ]);
    }

    private static IEnumerable<IngestEvent> Ask(ulong thread, ulong owner, string title, long at) =>
    [
        TestEvents.Thread(World.Guild, World.Random, thread, owner, title, at),
        new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = World.Guild, ChannelId = thread, MessageId = thread, UserId = owner, EventAt = at, Excerpt = title },
    ];
}
