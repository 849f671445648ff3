using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Loops.Alerts.AlertsWorld;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Jobs;

/// <summary>The alerts run as a recurring job every 5 minutes: registered at start, and a run through the job server posts a waiting thread's alert to the emulator.</summary>
[Collection(JobServerCollection.Name)]
public sealed class AlertsJobTests
{
    [Fact]
    public async Task Start_RegistersTheAlertsJobEveryFiveMinutes_AndTriggeringItPostsTheWaitingThread()
    {
        await using var emulator = await Emulator.StartAsync();
        var settings = AnalyticsAppFactory.LiveSettings(emulator, "alerts-job-token", AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }));
        await using var app = new AnalyticsAppFactory(settings, new FakeTimeProvider(TestDays.Now));
        var (thread, asked) = Ask(TestDays.NowMs - (5 * Hour), 1);
        await app.IngestAsync([.. Setup(), .. asked]);
        await app.Services.GetRequiredService<AlertSettingsStore>().SetAsync((long)G, Settings(unanswered: true), CancellationToken.None);
        var storage = app.Services.GetRequiredService<JobStorage>();
        var recurring = await Eventually.ReturnsAsync(
            () => Task.FromResult(storage.GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == AlertsJob.Id));
        Assert.Equal("*/5 * * * *", Assert.Single(recurring, j => j.Id == AlertsJob.Id).Cron);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(AlertsJob.Id);

        // See JobsInfrastructureTests: job pickup is slow under suite load.
        var posted = await Eventually.ReturnsAsync(() => Task.FromResult(emulator.PostedMessages), p => p.Count > 0, TimeSpan.FromSeconds(90));
        Assert.True(posted.Count == 1, HangfireDiagnostics.Describe(storage));
        Assert.EndsWith($"https://discord.com/channels/{G}/{thread}", posted[0].Body["content"]!.GetValue<string>());
    }
}
