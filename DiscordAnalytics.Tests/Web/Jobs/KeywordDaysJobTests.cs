using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Jobs;

/// <summary>The keyword days' owner runs as a recurring job: registered at start, and a run through the job server stores the closed days.</summary>
[Collection(JobServerCollection.Name)]
public sealed class KeywordDaysJobTests
{
    private const ulong Guild = 4_444_000_000_000_000_321;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Start_RegistersTheKeywordDaysJob_AndTriggeringItStoresEveryClosedDay()
    {
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(), time: new FakeTimeProvider(Now));
        var first = Now.AddDays(-3).ToUnixTimeMilliseconds();
        await app.IngestAsync(
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = first, Name = "Job Guild" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = first, ChannelId = 31, MessageId = Snowflake.FromUnixMs(first), UserId = 41, Excerpt = "refund credit" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Now.AddHours(-1).ToUnixTimeMilliseconds(), ChannelId = 31, MessageId = Snowflake.FromUnixMs(Now.AddHours(-1).ToUnixTimeMilliseconds()), UserId = 41, Excerpt = "today" },
        ]);
        var storage = app.Services.GetRequiredService<JobStorage>();
        var recurring = await Eventually.ReturnsAsync(
            () => Task.FromResult(storage.GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == KeywordDaysJob.Id));
        Assert.Equal(KeywordDaysJob.Cron, Assert.Single(recurring, j => j.Id == KeywordDaysJob.Id).Cron);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(KeywordDaysJob.Id);

        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        var days = await Eventually.ReturnsAsync(
            async () =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
                return await db.KeywordDays.AsNoTracking().Where(k => k.GuildId == (long)Guild).OrderBy(k => k.Day).ToListAsync();
            },
            d => d.Count == 4,
            TimeSpan.FromSeconds(90)); // see JobsInfrastructureTests: job pickup is slow under suite load
        Assert.True(days.Count == 4, HangfireDiagnostics.Describe(storage));
        Assert.Equal(Enumerable.Range(today - 4, 4), days.Select(d => d.Day));
        Assert.Equal("credit\t1\nrefund\t1", days.Single(d => d.Day == today - 3).Terms);
    }
}
