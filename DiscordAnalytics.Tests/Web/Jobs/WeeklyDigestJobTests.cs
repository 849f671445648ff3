using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Tests.Digests;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Web.Api;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Jobs;

[Collection(JobServerCollection.Name)]
public sealed class WeeklyDigestJobTests
{
    [Fact]
    public async Task WeeklyDigests_RegisteredUnderItsStableIdAndTriggered_GeneratesTheDueDigestOnTheHangfireServer()
    {
        var time = new FakeTimeProvider(DigestWorld.Now);
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(), time: time);
        await DigestsApiTests.SeedAsync(app);
        var scheduler = app.Services.GetRequiredService<DigestScheduler>();
        Assert.Null(await scheduler.SaveAsync(DigestWorld.Guild, new DigestScheduleSettings(true, DayOfWeek.Wednesday, 11, "UTC", false, null), CancellationToken.None));
        time.Advance(TimeSpan.FromHours(1));

        var recurring = await Eventually.ReturnsAsync(
            () => Task.FromResult(app.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == WeeklyDigestJob.Id));
        var job = Assert.Single(recurring, j => j.Id == WeeklyDigestJob.Id);
        Assert.Equal(WeeklyDigestJob.Cron, job.Cron);
        Assert.Equal(typeof(WeeklyDigestJob), job.Job.Type);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(WeeklyDigestJob.Id);

        var digests = app.Services.GetRequiredService<DigestService>();
        var generated = await Eventually.ReturnsAsync(() => digests.ListAsync(DigestWorld.Guild, CancellationToken.None), list => list.Count > 0);
        var digest = Assert.Single(generated);
        Assert.True(digest.Scheduled);
        Assert.Equal(DigestStatus.Draft, digest.Status);
    }
}
