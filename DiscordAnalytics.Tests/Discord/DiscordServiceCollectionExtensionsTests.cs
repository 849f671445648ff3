using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DiscordAnalytics.Tests.Discord;

public sealed class DiscordServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddDiscordClient_WithoutToken_ResolvesEverythingAndTheServiceStaysIdle()
    {
        await using var provider = Build(token: string.Empty);

        Assert.NotNull(provider.GetRequiredService<DiscordRestClient>());
        Assert.NotNull(provider.GetRequiredService<GatewaySession>());
        var service = Assert.Single(provider.GetServices<IHostedService>().OfType<DiscordGatewayService>());
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SourceState.Starting, provider.GetRequiredService<SourceStatus>().State);
    }

    [Fact]
    public async Task AddDiscordClient_WithTokenAgainstEmulator_WritesNormalizedEventsToTheSink()
    {
        await using var emulator = await Infrastructure.DiscordEmulator.DiscordEmulator.StartAsync();
        await using var provider = Build("token", emulator.GatewayUrl, emulator.ApiBaseUrl);
        var service = provider.GetServices<IHostedService>().OfType<DiscordGatewayService>().Single();

        await service.StartAsync(CancellationToken.None);
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchFixtureAsync("12_guild_create.json");
        var sink = (TestIngestionSink)provider.GetRequiredService<IIngestionSink>();
        await Eventually.TrueAsync(() => sink.Events.Any(e => e.Type == IngestEventType.GuildUpsert), "the guild arrived in the sink");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(SourceState.Connected, provider.GetRequiredService<SourceStatus>().State);
    }

    private static ServiceProvider Build(string token, string gatewayUrl = "ws://127.0.0.1:9/gateway", string apiBaseUrl = "http://127.0.0.1:9/api/v10")
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<DiscordOptions>().Configure(o =>
        {
            o.Token = token;
            o.GatewayUrl = gatewayUrl;
            o.ApiBaseUrl = apiBaseUrl;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IIngestionSink, TestIngestionSink>();
        services.AddDiscordClient();
        return services.BuildServiceProvider();
    }
}
