using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Retention;

/// <summary>
/// Retention prunes old raw events and nothing a user can see changes: every card and API answer is
/// computed from rollups, top content and facts, which stay.
/// </summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long GuildId = (long)RandomEventStream.GuildId;

    private static readonly string[] Answers =
    [
        "summary?window=90d&top=100",
        "summary?window=30d&top=100",
        "summary?window=7d&top=100",
        "summary?window=custom&start=2026-08-25&end=2026-10-01&top=100",
        "export/channels.csv?window=90d",
        "export/members.csv?window=90d",
        "export/content.csv?window=90d",
        "export/daily.csv?window=90d",
        "export/engagement.csv?window=90d",
        "export/retention.csv?window=90d",
        "retention?weeks=12",
    ];

    [Fact]
    public async Task Prune_EventsOlderThan30Days_EveryAnswerFor90DaysIsIdentical_EvenAfterTheOldEventsArriveAgain()
    {
        var events = SpreadOverDays(seed: 11, days: 95, activityPerFiveDays: 500);
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        await IngestAsync(pipeline, events);
        var before = await AnswersAsync(client);
        var rawBefore = await RawEventsAsync(app);

        Assert.True(await app.Services.GetRequiredService<GuildRetentionSettings>().SetAsync(GuildId, 30, CancellationToken.None));
        var run = Assert.Single(await app.Services.GetRequiredService<RetentionService>().RunAsync(CancellationToken.None));

        var cutoff = Now.AddDays(-30).ToUnixTimeMilliseconds();
        Assert.Equal(cutoff, run.CutoffAt);
        var rawAfter = await RawEventsAsync(app);
        Assert.True(run.DeletedEvents > 1_000, $"only {run.DeletedEvents} events were pruned");
        Assert.Equal(rawBefore.Count - run.DeletedEvents, rawAfter.Count);
        Assert.DoesNotContain(rawAfter, e => e.EventAt < cutoff && RawEventPruner.PrunableTypes.Contains(e.EventType));
        Assert.Contains(rawAfter, e => e.EventAt < cutoff && e.EventType == "thread_create");
        Assert.Equal(rawBefore.Count(e => e.EventAt >= cutoff), rawAfter.Count(e => e.EventAt >= cutoff));
        Assert.Equal(before, await AnswersAsync(client));

        // A late re-delivery of everything (gateway replay, backfill) must not count pruned events again.
        // Only counts are compared here: an edit that first arrived before its message (and so found
        // nothing to edit) does apply when delivered again, which may change an excerpt's keywords (and so the
        // common keywords and trending topics).
        await IngestAsync(pipeline, events);
        Assert.Equal(before.Select(WithoutKeywords), (await AnswersAsync(client)).Select(WithoutKeywords));
    }

    [Fact]
    public async Task Run_GuildWithoutItsOwnSetting_UsesRawEventDays_AndRecordsTheRunForTheStatus()
    {
        var events = SpreadOverDays(seed: 12, days: 60, activityPerFiveDays: 800);
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Retention:RawEventDays"] = "45", ["Retention:BatchSize"] = "100" }, new FakeTimeProvider(Now));
        await IngestAsync(app.Services.GetRequiredService<IngestionPipeline>(), events);
        var status = app.Services.GetRequiredService<RetentionStatusQuery>();
        var beforeRun = await status.RunAsync(GuildId, CancellationToken.None);
        Assert.NotNull(beforeRun);
        Assert.Null(beforeRun.LastRun);
        Assert.Equal(45, beforeRun.RawEventDays);
        Assert.False(beforeRun.IsGuildSetting);
        Assert.True(beforeRun.StoreBytes > 0);

        var run = Assert.Single(await app.Services.GetRequiredService<RetentionService>().RunAsync(CancellationToken.None));

        var cutoff = Now.AddDays(-45).ToUnixTimeMilliseconds();
        Assert.Equal(cutoff, run.CutoffAt);
        Assert.True(run.DeletedEvents > 200, $"several batches of 100 were needed, {run.DeletedEvents} events went");
        var after = await status.RunAsync(GuildId, CancellationToken.None);
        Assert.NotNull(after);
        Assert.Equal(run.Id, after.LastRun?.Id);
        Assert.Equal(beforeRun.RawEvents - run.DeletedEvents, after.RawEvents);
        Assert.True(after.OldestRawEventAt > beforeRun.OldestRawEventAt);
        Assert.DoesNotContain(await RawEventsAsync(app), e => e.EventAt < cutoff && RawEventPruner.PrunableTypes.Contains(e.EventType));
    }

    [Fact]
    public async Task SetAsync_OutOfRangeOrUnknownGuild_IsRefused_AndNullReturnsTheGuildToTheDefault()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        await IngestAsync(app.Services.GetRequiredService<IngestionPipeline>(), RandomEventStream.Generate(seed: 13, activity: 50, endAt: Now.ToUnixTimeMilliseconds(), days: 3));
        var settings = app.Services.GetRequiredService<GuildRetentionSettings>();
        var status = app.Services.GetRequiredService<RetentionStatusQuery>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => settings.SetAsync(GuildId, 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => settings.SetAsync(GuildId, RetentionLimits.MaxDays + 1, CancellationToken.None));
        Assert.False(await settings.SetAsync(42, 30, CancellationToken.None));
        Assert.Null(await status.RunAsync(42, CancellationToken.None));

        Assert.True(await settings.SetAsync(GuildId, 14, CancellationToken.None));
        Assert.Equal((14, true), Days(await status.RunAsync(GuildId, CancellationToken.None)));
        Assert.True(await settings.SetAsync(GuildId, 21, CancellationToken.None));
        Assert.Equal((21, true), Days(await status.RunAsync(GuildId, CancellationToken.None)));
        Assert.True(await settings.SetAsync(GuildId, null, CancellationToken.None));
        Assert.Equal((90, false), Days(await status.RunAsync(GuildId, CancellationToken.None)));
    }

    /// <summary>
    /// The random stream packs its messages near its end (message ids only grow), so history spread evenly
    /// over many days is built from consecutive five-day streams, oldest first.
    /// </summary>
    private static List<IngestEvent> SpreadOverDays(int seed, int days, int activityPerFiveDays) =>
        Enumerable.Range(0, days / 5).Reverse()
            .SelectMany(slice => RandomEventStream.Generate(seed + slice, activityPerFiveDays, Now.AddDays(-5 * slice).ToUnixTimeMilliseconds(), days: 5))
            .ToList();

    private static string WithoutKeywords(string answer)
    {
        if (JsonNode.Parse(answer.StartsWith('{') ? answer : "null") is not JsonObject summary)
        {
            return answer;
        }

        // Only summaries carry keywords; other JSON answers (retention) are compared whole.
        if (summary["supportSignals"] is JsonObject support)
        {
            support.Remove("commonKeywords");
        }

        summary.Remove("trendingTopics");
        return summary.ToJsonString();
    }

    private static (int, bool) Days(RetentionStatus? status) => (status!.RawEventDays, status.IsGuildSetting);

    private static async Task<List<string>> AnswersAsync(HttpClient client)
    {
        var answers = new List<string>();
        foreach (var path in Answers)
        {
            answers.Add(await client.GetStringAsync($"/api/guilds/{GuildId}/{path}"));
        }

        return answers;
    }

    private static async Task<List<Core.Storage.Entities.AnalyticsEvent>> RawEventsAsync(AnalyticsAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        return await db.AnalyticsEvents.AsNoTracking().ToListAsync();
    }

    private static async Task IngestAsync(IngestionPipeline pipeline, IEnumerable<IngestEvent> events)
    {
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, CancellationToken.None);
        }

        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
