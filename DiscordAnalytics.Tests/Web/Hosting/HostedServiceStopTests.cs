using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>
/// Neither PostgreSQL nor Discord holds the host: every hosted service, started against a store and a Discord that never
/// answer, stops promptly when asked with a token that is never cancelled (so its loop observes the stop everywhere, in
/// retries and store calls included, instead of leaning on the host's stop timeout).
/// </summary>
public sealed class HostedServiceStopTests(StuckStoreHosts hosts) : IClassFixture<StuckStoreHosts>
{
    /// <summary>Far below the host's stop timeout (30 s), far above a stop that only cancels and returns.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    /// <summary>Every hosted service of each mode, by type name.</summary>
    public static TheoryData<string, string> Services => new()
    {
        { "demo", "StoreInitializer" },
        { "demo", "PostgresLeaderElection" },
        { "demo", "IngestionPipeline" },
        { "demo", "VoiceCheckpoints" },
        { "demo", "KeptWindowsWarmUp" },
        { "demo", "GapRepairService" },
        { "demo", "InProcessBackfillScheduler" },
        { "demo", "BackfillResumer" },
        { "demo", "DemoCommunityService" },
        { "demo", "DemoSlashCommands" },
        { "demo", "DemoAlerts" },
        { "demo", "DemoRoleRules" },
        { "demo", "AdminPasswordInitializer" },
        { "demo", "LeaderJobServer" },
        { "demo", "RecurringJobRegistrar" },
        { "demo", "NativeHeapTrimmer" },
        { "demo", "Gen2Compactor" },
        { "demo", "DashboardRehearsal" },
        { "live", "StoreInitializer" },
        { "live", "PostgresLeaderElection" },
        { "live", "IngestionPipeline" },
        { "live", "VoiceCheckpoints" },
        { "live", "KeptWindowsWarmUp" },
        { "live", "GapRepairService" },
        { "live", "InProcessBackfillScheduler" },
        { "live", "BackfillResumer" },
        { "live", "SlashCommandService" },
        { "live", "DiscordGatewayService" },
        { "live", "AdminPasswordInitializer" },
        { "live", "LeaderJobServer" },
        { "live", "RecurringJobRegistrar" },
        { "live", "NativeHeapTrimmer" },
        { "live", "Gen2Compactor" },
        { "live", "DashboardRehearsal" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Stop_StoreAndDiscordNotAnswering_ServiceStopsPromptly(string mode, string service)
    {
        var hosted = Assert.Single(hosts.App(mode).Services.GetServices<IHostedService>(), s => s.GetType().Name == service);

        var stop = hosted.StopAsync(CancellationToken.None);

        Assert.True(
            await Task.WhenAny(stop, Task.Delay(Prompt)) == stop,
            $"{service} ({mode}) was still stopping after {Prompt.TotalSeconds} s");
        await stop;
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("live")]
    public void Services_EveryHostedServiceOfTheModeIsStoppedAbove(string mode)
    {
        var registered = hosts.App(mode).Services.GetServices<IHostedService>()
            // The framework's own (the web server, the sign-in key ring) are not the app's loops.
            .Where(s => s.GetType().Namespace?.StartsWith("DiscordAnalytics.", StringComparison.Ordinal) == true)
            .Select(s => s.GetType().Name)
            .Order(StringComparer.Ordinal);
        var covered = Services.Where(row => (string)row[0] == mode).Select(row => (string)row[1]).Order(StringComparer.Ordinal);

        Assert.Equal(covered, registered);
    }
}
