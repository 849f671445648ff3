using System.Net;
using System.Net.Http.Headers;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Metrics;

/// <summary>Job runs reach <c>/metrics</c> from the real Hangfire server, per job and outcome.</summary>
[Collection(JobServerCollection.Name)]
public sealed class JobRunMetricsTests
{
    private const string Token = "metrics-token-0c4d2e9b7a1f3e5d6b8a9c0e";

    [Fact]
    public async Task Metrics_RetentionJobTriggered_CountsOneSucceededRun()
    {
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "true",
            ["Metrics:BearerToken"] = Token,
        }));
        using var scraper = app.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var storage = app.Services.GetRequiredService<JobStorage>();
        await Eventually.ReturnsAsync(
            () => Task.FromResult(storage.GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == RetentionJob.RecurringId));

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(RetentionJob.RecurringId);

        var metrics = await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await scraper.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return new PrometheusText(await response.Content.ReadAsStringAsync());
            },
            m => m.Value("discord_analytics_jobs_runs_total", ("job", "retention"), ("outcome", "succeeded")) > 0,
            TimeSpan.FromSeconds(90)); // job pickup is slow under suite load (see JobsInfrastructureTests)
        Assert.Equal(1, metrics.Value("discord_analytics_jobs_runs_total", ("job", "retention"), ("outcome", "succeeded")));
        Assert.Equal(0, metrics.Value("discord_analytics_jobs_runs_total", ("job", "retention"), ("outcome", "failed")));
    }
}
