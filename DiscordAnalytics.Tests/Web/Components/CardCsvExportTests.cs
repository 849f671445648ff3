using System.Net;
using Bunit;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// The CSV control of each card that has an export: its link, followed over real HTTP by the signed-in owner's
/// cookie against the app serving the same store, downloads the card's rows for the card's guild and window.
/// </summary>
public sealed class CardCsvExportTests : DashboardTestContext
{
    [Fact]
    public async Task TopContent_CsvLink_DownloadsTheCardsRowsWithNamesAndIsoDates()
    {
        await SeedWorldAsync();
        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=content-row]").Count));
        var link = cut.Find("[data-testid=card-export]");

        var lines = await DownloadAsync(link.GetAttribute("href")!);

        Assert.Equal($"content-{World.Guild}-2026-11-13-to-2026-11-19.csv", link.GetAttribute("download"));
        Assert.Equal("createdAt,channel,author,reactionScore,excerpt,jumpUrl,messageId,channelId,authorDiscordUserId", lines[0]);
        Assert.Equal(
            $"2026-11-17T14:00:00Z,setups,carol,3,{World.SetupExcerpt},https://discord.com/channels/{World.Guild}/{World.Setups}/{World.SetupMessage},{World.SetupMessage},{World.Setups},{World.Carol}",
            lines[1]);
        Assert.Equal(
            $"2026-11-18T08:00:00Z,general,alice,1,gm everyone,https://discord.com/channels/{World.Guild}/{World.General}/{World.GmMessage},{World.GmMessage},{World.General},{World.Alice}",
            lines[2]);
        Assert.Equal(cut.FindAll("[data-testid=content-row]").Count + 1, lines.Length);
    }

    [Fact]
    public async Task TopContent_MessageOfAHiddenMember_IsNamedHiddenMemberInTheCsv()
    {
        await SeedWorldAsync();
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Carol, MemberPrivacyChoice.Hidden, CancellationToken.None);
        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=content-row]").Count));

        var lines = await DownloadAsync(cut.Find("[data-testid=card-export]").GetAttribute("href")!);

        Assert.StartsWith("2026-11-17T14:00:00Z,setups,hidden member,3,,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($",{World.SetupMessage},{World.Setups},", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopChannelsMembersAndActivity_CsvLinks_DownloadTheirCardsRows()
    {
        await SeedWorldAsync();
        var channels = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));
        var members = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));
        var activity = Render<ActivityChartCard>(p => p.Add(c => c.Query, Last7Days()));
        channels.WaitForAssertion(() => Assert.Equal(3, channels.FindAll("[data-testid=channel-row]").Count));
        members.WaitForAssertion(() => Assert.NotEmpty(members.FindAll("[data-testid=member-name]")));

        var channelLines = await DownloadAsync(channels.Find("[data-testid=card-export]").GetAttribute("href")!);
        var memberLines = await DownloadAsync(members.Find("[data-testid=card-export]").GetAttribute("href")!);
        var dailyLines = await DownloadAsync(activity.Find("[data-testid=card-export]").GetAttribute("href")!);

        Assert.Equal(
            channels.FindAll("[data-testid=channel-name]").Select(n => n.TextContent.Trim().TrimStart('#')),
            channelLines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Equal(
            members.FindAll("[data-testid=member-name]").Select(n => n.TextContent.Trim()),
            memberLines.Skip(1).Select(l => l.Split(',')[1]).Take(members.FindAll("[data-testid=member-name]").Count));
        Assert.Equal("date,messages,reactions,activeMembers", dailyLines[0]);
        Assert.Equal(["2026-11-13", "2026-11-19"], new[] { dailyLines[1], dailyLines[^1] }.Select(l => l.Split(',')[0]));
        Assert.Equal(8, dailyLines.Length);
    }

    [Fact]
    public async Task Leaderboard_RankedByStreak_CsvHoldsTheStreakRankingShown()
    {
        await SeedWorldAsync();
        var cut = Render<LeaderboardCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=leaderboard-row]")));
        var activityShown = Rows(cut);

        cut.FindAll("[data-testid=leaderboard-ranking] .mud-toggle-item")[3].Click();
        cut.WaitForAssertion(() => Assert.NotEqual(activityShown, Rows(cut)));
        var link = cut.Find("[data-testid=card-export]");
        var lines = await DownloadAsync(link.GetAttribute("href")!);

        // Rank, name and score of each row: the score is the current streak here, not the activity score.
        Assert.Equal(Rows(cut), lines.Skip(1).Select(l => string.Join('|', l.Split(',')[0], l.Split(',')[2], l.Split(',')[3])).ToList());
        Assert.Equal($"leaderboard-by-streak-{World.Guild}-2026-11-13-to-2026-11-19.csv", link.GetAttribute("download"));
        Assert.EndsWith("&by=streak", link.GetAttribute("href"), StringComparison.Ordinal);

        static List<string> Rows(IRenderedComponent<LeaderboardCard> card) =>
            [.. card.FindAll("[data-testid=leaderboard-row]").Select(r => string.Join('|', r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim(), r.Children[2].TextContent.Trim()))];
    }

    [Fact]
    public async Task Link_OtherGuildAndCustomWindow_AsksForThatGuildAndThoseDays()
    {
        await SeedWorldAsync();
        var query = QuietWeek(World.OtherGuild);

        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, query));

        Assert.Equal(
            $"api/guilds/{World.OtherGuild}/export/channels.csv?window=custom&start=2025-01-01&end=2025-01-07",
            cut.Find("[data-testid=card-export]").GetAttribute("href"));
        Assert.Equal("Download Top channels as CSV", cut.Find("[data-testid=card-export]").GetAttribute("aria-label"));
    }

    /// <summary>Follows a card's link (relative to the page's base address) as the signed-in owner does.</summary>
    private Task<string[]> DownloadAsync(string href) => DownloadAsync(Store.ConnectionString, href);

    /// <summary>The same for another card test over the store at <paramref name="connectionString"/>.</summary>
    internal static async Task<string[]> DownloadAsync(string connectionString, string href)
    {
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = connectionString },
            new FakeTimeProvider(Now));
        using var client = await app.CreateAdminClientAsync();
        using var response = await client.GetAsync(new Uri(client.BaseAddress!, href));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
