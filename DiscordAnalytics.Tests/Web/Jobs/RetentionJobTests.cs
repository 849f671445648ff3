using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Jobs;

[Collection(JobServerCollection.Name)]
public sealed class RetentionJobTests
{
    [Fact]
    public async Task Start_RegistersTheDailyRetentionJob_AndTriggeringItPrunesThroughTheJobServer()
    {
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?> { ["Retention:RawEventDays"] = "10" }));
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        foreach (var e in RandomEventStream.Generate(seed: 21, activity: 300, endAt: DateTimeOffset.UtcNow.AddDays(-20).ToUnixTimeMilliseconds(), days: 5))
        {
            await pipeline.WriteAsync(e, CancellationToken.None);
        }

        await pipeline.FlushAsync(CancellationToken.None);
        var storage = app.Services.GetRequiredService<JobStorage>();
        var recurring = await Eventually.ReturnsAsync(
            () => Task.FromResult(storage.GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == RetentionJob.RecurringId));
        Assert.Equal(RetentionJob.Schedule, Assert.Single(recurring, j => j.Id == RetentionJob.RecurringId).Cron);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(RetentionJob.RecurringId);

        var run = await Eventually.ReturnsAsync(
            async () =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
                return await db.Set<RetentionRun>().AsNoTracking().FirstOrDefaultAsync();
            },
            r => r is not null,
            TimeSpan.FromSeconds(90)); // see JobsInfrastructureTests: job pickup is slow under suite load
        Assert.True(run is not null, HangfireDiagnostics.Describe(storage));
        Assert.True(run.DeletedEvents > 0);
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        Assert.False(await check.AnalyticsEvents.AnyAsync(e => RawEventPruner.PrunableTypes.Contains(e.EventType)));
    }
}
