using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>
/// Forgetting a member through the real HTTP route, after a random stream went through the real pipeline into a
/// real SQLite file: the summary must equal the ground truth of the same stream without that member (joins and
/// leaves excepted: they stay, anonymous), no row may carry their id or their excerpts, and neither the whole
/// stream again nor new events from them may change anything.
/// </summary>
public sealed class MemberForgetGroundTruthTests
{
    private const ulong Forgotten = 5_001;
    private const string SummaryUrl = "/api/guilds/777000000000000001/summary?window=30d&top=100";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Forget_AfterRandomStream_SummaryEqualsGroundTruthWithoutMemberAndReingestChangesNothing(int seed)
    {
        var events = OneOwnerPerThread(RandomEventStream.Generate(seed, activity: 6_000, endAt: Now.ToUnixTimeMilliseconds(), days: 45));
        var theirMessages = events.Where(e => e.Type == IngestEventType.MessageCreate && e.UserId == Forgotten).Select(e => e.MessageId!.Value).ToHashSet();
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        await app.IngestAsync(events);
        var before = Parse(await client.GetStringAsync(SummaryUrl));
        Assert.Contains(before.TopMembers, m => m.DiscordUserId == $"{Forgotten}");
        Assert.Contains(before.TopContent, c => c.AuthorDiscordUserId == $"{Forgotten}");

        using var forget = await ForgetAsync(client, Forgotten);

        Assert.Equal(HttpStatusCode.OK, forget.StatusCode);
        var first = await client.GetStringAsync(SummaryUrl);
        var without = new GroundTruth(WithoutMember(events, Forgotten));
        AssertMatchesGroundTruth(without, new GroundTruth(events), Parse(first));
        Assert.Equal(Sorted(without.QuarterHours()), await QuarterHoursAsync(app));
        await AssertNothingCarriesAsync(app, Forgotten, theirMessages);

        await app.IngestAsync(events);

        Assert.Equal(first, await client.GetStringAsync(SummaryUrl));
        await AssertNothingCarriesAsync(app, Forgotten, theirMessages);
    }

    [Fact]
    public async Task Forget_EventsFromMemberArriveLater_CountNothingAndStoreNothing()
    {
        var events = OneOwnerPerThread(RandomEventStream.Generate(seed: 6, activity: 2_000, endAt: Now.ToUnixTimeMilliseconds(), days: 45));
        var theirMessages = events.Where(e => e.Type == IngestEventType.MessageCreate && e.UserId == Forgotten).Select(e => e.MessageId!.Value).ToHashSet();
        var someoneElses = events.Last(e => e.Type == IngestEventType.MessageCreate && e.UserId != Forgotten && !RandomEventStream.IsBot(e.UserId!.Value));
        var theirLast = events.Last(e => e.Type == IngestEventType.MessageCreate && e.UserId == Forgotten);
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        await app.IngestAsync(events);
        using (var forget = await ForgetAsync(client, Forgotten))
        {
            Assert.Equal(HttpStatusCode.OK, forget.StatusCode);
        }

        var forgottenSummary = await client.GetStringAsync(SummaryUrl);

        var at = Now.ToUnixTimeMilliseconds() - 60_000;
        var newMessage = Core.Discord.Snowflake.FromUnixMs(at);
        await app.IngestAsync(
        [
            new() { Type = IngestEventType.MemberUpsert, GuildId = RandomEventStream.GuildId, EventAt = at, UserId = Forgotten, Name = "back again" },
            new() { Type = IngestEventType.MemberAdd, GuildId = RandomEventStream.GuildId, EventAt = at, UserId = Forgotten, Name = "back again" },
            new() { Type = IngestEventType.MessageCreate, GuildId = RandomEventStream.GuildId, EventAt = at, ChannelId = RandomEventStream.Channels[0], MessageId = newMessage, UserId = Forgotten, Excerpt = "a new secret" },
            new() { Type = IngestEventType.ReactionAdd, GuildId = RandomEventStream.GuildId, EventAt = at, ChannelId = someoneElses.ChannelId, MessageId = someoneElses.MessageId, UserId = Forgotten, Emoji = "🦄" },
            new() { Type = IngestEventType.ThreadCreate, GuildId = RandomEventStream.GuildId, EventAt = at, ChannelId = newMessage + 1, ParentId = RandomEventStream.Channels[0], UserId = Forgotten, Name = "their thread", ChannelType = ChannelTypes.PublicThread },
            // Someone else reacting to, and an edit of, an old message of theirs: it is a tombstone now.
            new() { Type = IngestEventType.ReactionAdd, GuildId = RandomEventStream.GuildId, EventAt = at, ChannelId = theirLast.ChannelId, MessageId = theirLast.MessageId, UserId = 5_002, Emoji = "🦄" },
            new() { Type = IngestEventType.MessageUpdate, GuildId = RandomEventStream.GuildId, EventAt = at, ChannelId = theirLast.ChannelId, MessageId = theirLast.MessageId, EditedAt = at, Excerpt = "an edited secret" },
            new() { Type = IngestEventType.MemberRemove, GuildId = RandomEventStream.GuildId, EventAt = at + 1, UserId = Forgotten },
        ]);

        Assert.Equal(forgottenSummary, await client.GetStringAsync(SummaryUrl));
        await AssertNothingCarriesAsync(app, Forgotten, theirMessages.Append(newMessage).ToHashSet());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.MessageFacts.AnyAsync(f => f.Excerpt == "a new secret" || f.Excerpt == "an edited secret"));
        Assert.False(await db.ReactionFacts.AnyAsync(r => r.MessageId == (long)theirLast.MessageId!.Value));
    }

    /// <summary>
    /// A real thread has one owner; the random stream may name the same thread id in creates by several members, and
    /// only the first ever counted. Keep the creates of that first owner so "without the member" is well defined.
    /// </summary>
    private static List<IngestEvent> OneOwnerPerThread(List<IngestEvent> events)
    {
        var owners = new Dictionary<ulong, ulong?>();
        foreach (var e in events.Where(e => e.Type == IngestEventType.ThreadCreate))
        {
            owners.TryAdd(e.ChannelId!.Value, e.UserId);
        }

        return [.. events.Where(e => e.Type != IngestEventType.ThreadCreate || owners[e.ChannelId!.Value] == e.UserId)];
    }

    /// <summary>The stream as if the member had never been there: nothing from them, nothing done to their messages.</summary>
    private static List<IngestEvent> WithoutMember(List<IngestEvent> events, ulong member)
    {
        var theirs = events.Where(e => e.Type == IngestEventType.MessageCreate && e.UserId == member).Select(e => e.MessageId!.Value).ToHashSet();
        return [.. events.Where(e => e.UserId != member
            && !(e.Type is IngestEventType.ReactionAdd or IngestEventType.ReactionRemove or IngestEventType.ReactionRemoveAll
                    or IngestEventType.ReactionRemoveEmoji or IngestEventType.MessageUpdate
                && theirs.Contains(e.MessageId!.Value)))];
    }

    private static void AssertMatchesGroundTruth(GroundTruth without, GroundTruth all, AnalyticsSummary summary)
    {
        var window = AnalyticsWindow.Last(30, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds()));
        // Joins and leaves stay: anonymous counts with no id behind them.
        Totals Expected(AnalyticsWindow w) => without.TotalsFor(w) with { Joins = all.TotalsFor(w).Joins, Leaves = all.TotalsFor(w).Leaves };
        Assert.Equal(Expected(window), summary.Totals);
        // The previous window is cut at the same elapsed time as this one (docs/how-it-counts.md).
        var previous = ComparisonWindow.Before(window, Now.ToUnixTimeMilliseconds());
        var previousWithout = without.TotalsBetween(previous.StartAt, previous.EndAt) with { Leaves = without.LeavesCut(previous.StartAt, previous.EndAt) };
        var previousAll = all.TotalsBetween(previous.StartAt, previous.EndAt) with { Leaves = all.LeavesCut(previous.StartAt, previous.EndAt) };
        Assert.Equal(previousWithout with { Joins = previousAll.Joins, Leaves = previousAll.Leaves }, summary.PreviousTotals);
        Assert.Equal(without.DailyFor(window), summary.Daily);
        Assert.Equal(without.TopChannels(window, 100), summary.TopChannels.Select(c => (c.ChannelId, c.MessageCount, c.ReactionCount, c.ThreadCount)).ToList());
        Assert.Equal(without.TopMembers(window, 100), summary.TopMembers.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        Assert.Equal(without.TopContent(window, 100), summary.TopContent.Select(c => (c.MessageId, c.ReactionScore, c.Excerpt)).ToList());
        Assert.DoesNotContain(summary.RisingMembers ?? [], m => m.DiscordUserId == $"{Forgotten}");
        Assert.True(summary.Totals.Messages > 500, "the stream should produce real volume");
    }

    /// <summary>Every table with a user or author column, and the excerpts of their messages: nothing of theirs is left.</summary>
    private static async Task AssertNothingCarriesAsync(AnalyticsAppFactory app, ulong member, IReadOnlySet<ulong> theirMessages)
    {
        var user = (long)member;
        var messages = theirMessages.Select(m => (long)m).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.AnalyticsEvents.CountAsync(e => e.UserId == user));
        Assert.Equal(0, await db.Members.CountAsync(m => m.UserId == user));
        Assert.Equal(0, await db.MemberDailyRollups.CountAsync(r => r.UserId == user));
        Assert.Equal(0, await db.MessageFacts.CountAsync(f => f.AuthorId == user));
        Assert.Equal(0, await db.ReactionFacts.CountAsync(r => r.UserId == user));
        Assert.Equal(0, await db.MessageFacts.CountAsync(f => messages.Contains(f.MessageId) && (f.Excerpt != null || f.DeletedAt == null)));
        Assert.Equal(0, await db.TopContentDaily.CountAsync(t => messages.Contains(t.MessageId)));
        Assert.Equal(0, await db.ReactionFacts.CountAsync(r => messages.Contains(r.MessageId) && r.RemovedAt == null));
        // The one row that must keep their id: it is what drops their events from now on.
        Assert.Equal(MemberPrivacyChoice.Forgotten, await db.MemberPrivacy.Where(p => p.UserId == user).Select(p => p.Choice).SingleAsync());
    }

    /// <summary>Every stored quarter hour as (epoch quarter-hour bucket, channel, isBot, messages), non-zero only.</summary>
    private static async Task<List<(long Bucket, ulong Channel, bool IsBot, long Messages)>> QuarterHoursAsync(AnalyticsAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        var quarters = new List<(long Bucket, ulong Channel, bool IsBot, long Messages)>();
        foreach (var row in await db.ChannelDayQuarterHours.ToListAsync())
        {
            var counts = new long[QuarterHourCounts.PerDay];
            QuarterHourCounts.AddTo(row.MessageCounts, counts);
            quarters.AddRange(counts.Select((c, q) => (row.Day * 96L + q, (ulong)row.ChannelId, row.IsBot, c)).Where(x => x.c != 0));
        }

        return [.. quarters.OrderBy(r => r.Bucket).ThenBy(r => r.Channel).ThenBy(r => r.IsBot)];
    }

    private static List<(long Bucket, ulong Channel, bool IsBot, long Messages)> Sorted(IReadOnlyDictionary<(long Bucket, ulong Channel, bool IsBot), long> truth) =>
        [.. truth.Select(t => (t.Key.Bucket, t.Key.Channel, t.Key.IsBot, t.Value)).OrderBy(r => r.Bucket).ThenBy(r => r.Channel).ThenBy(r => r.IsBot)];

    private static Task<HttpResponseMessage> ForgetAsync(HttpClient client, ulong member) =>
        client.PutAsync(
            $"/api/guilds/{RandomEventStream.GuildId}/members/{member}/privacy",
            RequestBody.Json("""{ "choice": "forgotten" }"""));

    private static AnalyticsSummary Parse(string json) => JsonSerializer.Deserialize<AnalyticsSummary>(json, JsonSerializerOptions.Web)!;
}
