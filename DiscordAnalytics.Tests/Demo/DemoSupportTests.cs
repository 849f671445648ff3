using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// The demo shows the support signals: its help forum has a "Solved" tag, most answered help threads get it or are
/// archived after their answer, some askers ping the moderators role (its escalation role) or ask again after a day,
/// in the history and in the live stream alike, deterministically for a seed.
/// </summary>
public sealed class DemoSupportTests
{
    private static readonly long To = DemoHistoryFixture.To;
    private static readonly long From = To - (14 * DemoRhythm.DayMs);

    [Fact]
    public void History_HelpForum_HasSolvedTagSolvedAndArchivedThreadsMentionsAndAskAgains()
    {
        var community = DemoCommunity.Create(42);
        var events = community.History(From, To).ToList();
        var forum = community.Channels.Single(c => c.Name == "help-forum").Id;

        var forumUpsert = Assert.Single(events, e => e.Type == IngestEventType.ChannelUpsert && e.ChannelId == forum);
        Assert.Equal([community.SolvedTagId], forumUpsert.SolvedTagIds!);
        var helpThreads = events.Where(e => e.Type == IngestEventType.ThreadCreate && e.ParentId == forum).Select(e => e.ChannelId!.Value).ToHashSet();
        var states = events.Where(e => e.ThreadStatus is not null).ToList();
        // Threads of the help forum only (a few began the day before the range and close inside it).
        Assert.All(states, e => Assert.Equal(forum, e.ParentId));
        var solved = states.Count(e => e.ThreadStatus!.AppliedTagIds.Contains(community.SolvedTagId));
        var archived = states.Count(e => e.ThreadStatus!.Archived);
        // Most threads are answered; of those a little over half are tagged solved and a quarter archived.
        Assert.InRange(solved, helpThreads.Count / 4, helpThreads.Count * 2 / 3);
        Assert.InRange(archived, helpThreads.Count / 10, helpThreads.Count / 2);
        Assert.True(solved + archived < helpThreads.Count, "a few help threads stay open");

        var mentions = events.Where(e => e.MentionedRoleIds is not null).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, e => Assert.Equal([community.ModeratorsRoleId], e.MentionedRoleIds!));
        Assert.All(mentions, e => Assert.Equal(e.ChannelId, e.MessageId));

        // Asked again: the asker posts a day or more after their question with no one else posting in between.
        var byThread = events.Where(e => e.Type == IngestEventType.MessageCreate && helpThreads.Contains(e.ChannelId!.Value))
            .GroupBy(e => e.ChannelId!.Value)
            .Select(g => g.OrderBy(e => e.EventAt).ToList())
            .Where(m => m[0].MessageId == m[0].ChannelId);
        Assert.Contains(byThread, m => m.Skip(1).TakeWhile(e => e.UserId == m[0].UserId).Any(e => e.EventAt - m[0].EventAt >= DemoRhythm.DayMs));

        Assert.Equal(Signals(events), Signals(DemoCommunity.Create(42).History(From, To)));
    }

    [Fact]
    public void Live_SameRhythm_SolvesArchivesMentionsAndAsksAgainDeterministically()
    {
        var community = DemoCommunity.Create(42);
        var start = To + 123;

        var events = Live(community, start);

        var mentions = events.Count(e => e.MentionedRoleIds is not null);
        var solved = events.Count(e => e.ThreadStatus is { Archived: false } s && s.AppliedTagIds.Contains(community.SolvedTagId));
        var archived = events.Count(e => e.ThreadStatus is { Archived: true });
        var forumPosts = events.Count(e => e.Type == IngestEventType.ThreadCreate && e.ParentId == community.Channels.Single(c => c.Name == "help-forum").Id);
        Assert.True(mentions > 0 && solved > 0 && archived > 0, $"mentions {mentions}, solved {solved}, archived {archived}");
        Assert.True(solved + archived < forumPosts);
        var askedAgain = events.Where(e => e.Type == IngestEventType.MessageCreate).GroupBy(e => e.ChannelId)
            .Any(g => g.First().MessageId == g.Key && g.Skip(1).Any(e => e.UserId == g.First().UserId && e.EventAt - g.First().EventAt >= DemoRhythm.DayMs));
        Assert.True(askedAgain, "some askers ask again after a day without answer");
        Assert.Equal(Signals(events), Signals(Live(DemoCommunity.Create(42), start)));
    }

    [Fact]
    public async Task Summary_DemoCommunity_HasEscalationsOfBothReasonsAResolvedShareAndAMedian()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        using var client = app.CreateApiClient();
        var community = DemoCommunity.Create(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);
        var route = $"/api/guilds/{community.GuildId}/summary?window=7d";

        // The history is still arriving: wait until both kinds of escalation are among the newest.
        var signals = await Eventually.ReturnsAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>(route)).GetProperty("supportSignals"),
            s => s.TryGetProperty("escalations", out var e) && Reasons(e).Count == 2,
            TimeSpan.FromMinutes(3));

        var escalations = signals.GetProperty("escalations");
        Assert.True(escalations.GetProperty("count").GetInt32() >= 2);
        Assert.Equal(["askedAgain", "roleMention"], Reasons(escalations).Order());
        var share = signals.GetProperty("resolvedShare").GetDouble();
        Assert.InRange(share, 0.001, 0.999);
        Assert.True(signals.GetProperty("medianResolutionMinutes").GetDouble() > 0);
        Assert.True(signals.GetProperty("p90ResolutionMinutes").GetDouble() >= signals.GetProperty("medianResolutionMinutes").GetDouble());
    }

    private static HashSet<string> Reasons(JsonElement escalations) =>
        [.. escalations.GetProperty("list").EnumerateArray().Select(e => e.GetProperty("reason").GetString()!)];

    private static List<IngestEvent> Live(DemoCommunity community, long start)
    {
        var simulator = new DemoLiveSimulator(community, start);
        var events = new List<IngestEvent>();
        // Two and a half days at a tenth of an event a second, advanced a minute at a time.
        for (var now = start + DemoRhythm.MinuteMs; now <= start + 60 * DemoRhythm.HourMs; now += DemoRhythm.MinuteMs)
        {
            events.AddRange(simulator.Advance(now, 0.1));
        }

        return events;
    }

    /// <summary>The support events, comparable: role mentions, thread states and their times.</summary>
    private static List<string> Signals(IEnumerable<IngestEvent> events) =>
    [
        .. events.Where(e => e.MentionedRoleIds is not null || e.ThreadStatus is not null)
            .Select(e => $"{e.EventAt}:{e.ChannelId}:{e.MessageId}:{e.ThreadStatus?.Archived}:{e.ThreadStatus?.AppliedTagIds.Count}"),
    ];
}
