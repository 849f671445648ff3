using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// The measured loss, end to end: live gateway dispatches from the loopback emulator arrive while the store file is
/// full (a real SQLITE_FULL, <see cref="StoreSpace"/>), and space is freed later. Before, every message of those
/// batches was dropped (0 of 241 counted) while the session moved on, so Discord would never replay them. Now the
/// writer holds them, the queue fills (backpressure: /healthz shows the backlog and says "store full" with 503),
/// and once space is back every dispatch is counted: the summary equals the script's ground truth.
/// </summary>
public sealed class GatewayStoreFullTests
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.STORE-FULL-never-log.xyz";
    private const int QueueCapacity = 100;

    [Fact]
    public async Task Summary_StoreFullWhileDispatchesArrive_EveryDispatchCountedOnceSpaceIsFreed()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.ReadyGuildIds = [GatewayScript.GuildId.ToString()];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var script = GatewayScript.Build(seed: 23, fromMs: now - (20 * 3_600_000L), toMs: now - 60_000, steps: 900);
        var space = new StoreSpace();
        await using var app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(emulator, Token, new Dictionary<string, string?>
            {
                ["Ingestion:QueueCapacity"] = QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Ingestion:MaxBatchSize"] = "50",
                ["Ingestion:StoreRetryMaxDelay"] = "00:00:00.200",
            }),
            services: services => services.AddSingleton<IStoreWriteHook>(space));
        using var api = app.CreateApiClient();
        using var anonymous = app.CreateClient();
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();

        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", script.GuildCreateJson);
        var before = script.Dispatches.Count / 4;
        foreach (var (name, json) in script.Dispatches.Take(before))
        {
            await emulator.DispatchAsync(name, json);
        }

        await Eventually.ReturnsAsync(() => api.GetStringAsync("/api/guilds"), g => g.Contains(GatewayScript.GuildName, StringComparison.Ordinal));
        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        space.Fill();
        var dispatching = Task.Run(async () =>
        {
            foreach (var (name, json) in script.Dispatches.Skip(before))
            {
                await emulator.DispatchAsync(name, json);
            }
        });

        var full = await Eventually.ReturnsAsync(
            () => HealthAsync(anonymous),
            h => h.Body.GetProperty("ingestion").GetProperty("state").GetString() == "storeUnavailable" && QueueLength(h.Body) == QueueCapacity);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Status);
        Assert.Equal("store full", full.Body.GetProperty("ingestion").GetProperty("reason").GetString());
        Assert.Equal(QueueCapacity, QueueLength(full.Body));
        Assert.True(full.Body.GetProperty("ingestion").GetProperty("pending").GetInt64() > QueueCapacity, "the held batch waits behind the full queue");
        Assert.Equal("connected", full.Body.GetProperty("gateway").GetProperty("state").GetString());

        space.Free();
        await dispatching.WaitAsync(TimeSpan.FromMinutes(1));
        var truth = new GroundTruth(script.Expected);
        var window = AnalyticsWindow.Last(7, DayBucket.FromUnixMs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var expected = truth.TotalsFor(window);
        var summary = await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{GatewayScript.GuildId}/summary?window=7d&top=100", JsonSerializerOptions.Web))!,
            s => s.Totals == expected,
            TimeSpan.FromSeconds(60));

        Assert.Equal(expected, summary.Totals);
        Assert.Equal(truth.DailyFor(window), summary.Daily);
        Assert.Equal(truth.TopMembers(window, 100), summary.TopMembers.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        Assert.True(summary.Totals.Messages > 100);
        var after = await HealthAsync(anonymous);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("writing", after.Body.GetProperty("ingestion").GetProperty("state").GetString());
        Assert.Equal(0, after.Body.GetProperty("ingestion").GetProperty("deadLetters").GetInt32());
        Assert.Equal(1, emulator.IdentifyCount);
    }

    private static int QueueLength(JsonElement health) => health.GetProperty("ingestion").GetProperty("queueLength").GetInt32();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
