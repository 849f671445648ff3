using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// Backpressure through the real path: the store file is write-locked by another connection (as a backup
/// tool or a sqlite3 shell would), the bounded ingestion queue fills, the gateway session stops reading
/// its socket (so the emulator's sends block once the socket buffers are full) instead of dropping, and
/// when the lock goes every dispatched message is counted.
/// </summary>
public sealed class GatewayBackpressureTests : IDisposable
{
    private const string Token = "MTA3MzUzNjMwMzEwNDAwMDAwMA.BACKPRESSURE-never-log.xyz";
    private const ulong GuildId = 849_255_963_033_800_000;
    private const ulong ChannelId = 849_255_963_033_800_001;
    private const int QueueCapacity = 100;

    // 5,000 frames of ~16 KB (a long message with embeds): 80 MB, far more than the loopback socket
    // buffers (at most 32 MB receive + 4 MB send here) and the client's own bounded buffers hold.
    private const int Messages = 5_000;
    private static readonly string Embed = new('e', 12_000);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-backpressure-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Ingestion_StoreWriteLockedWhileDispatchesFlow_GatewayStopsReadingAndEveryMessageIsCountedAfterwards()
    {
        var database = Path.Combine(_folder.FullName, "analytics.db");
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = Token;
        emulator.ReadyGuildIds = [GuildId.ToString()];
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={database}",
                ["Discord:Token"] = Token,
                ["Discord:GatewayUrl"] = emulator.GatewayUrl,
                ["Discord:ApiBaseUrl"] = emulator.ApiBaseUrl,
                ["Ingestion:QueueCapacity"] = QueueCapacity.ToString(),
                ["Ingestion:MaxBatchSize"] = "50",
            },
            services: services => services.AddSingleton(new GatewaySessionOptions { DispatchBufferCapacity = 10 }));
        using var client = app.CreateApiClient();
        await emulator.WaitForIdentifyAsync();
        await emulator.DispatchAsync("GUILD_CREATE", $$$"""{"id":"{{{GuildId}}}","name":"Backpressure Guild","channels":[{"id":"{{{ChannelId}}}","type":0,"name":"busy"}],"threads":[],"members":[]}""");
        await Eventually.ReturnsAsync(() => client.GetStringAsync("/api/guilds"), g => g.Contains("Backpressure Guild", StringComparison.Ordinal));

        var sent = 0;
        Task dispatching;
        await using (var locker = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;
            dispatching = Task.Run(async () =>
            {
                for (var i = 0; i < Messages; i++)
                {
                    await emulator.DispatchAsync("MESSAGE_CREATE", MessageJson(Snowflake.FromUnixMs(start) + (ulong)i));
                    Interlocked.Increment(ref sent);
                }
            });

            var stalled = await Eventually.ReturnsAsync(
                () => HealthAsync(client),
                h => QueueLength(h) == QueueCapacity);

            // The queue is full and stays full while the lock holds; the session has stopped reading, so the
            // emulator cannot get its frames out: nothing was dropped to make room.
            Assert.Equal(QueueCapacity, QueueLength(stalled));
            Assert.Equal("connected", stalled.GetProperty("gateway").GetProperty("state").GetString());
            // A write attempt waits out SQLite's busy timeout and the driver's command timeout before it fails (about 40 s).
            var stalledIngestion = await Eventually.ReturnsAsync(() => HealthAsync(client), h => IngestionState(h) == "storeUnavailable", TimeSpan.FromMinutes(2));
            Assert.Equal("store locked by another connection", stalledIngestion.GetProperty("ingestion").GetProperty("reason").GetString());
            Assert.False(dispatching.IsCompleted, $"all {Messages} frames were taken while the store was locked ({Volatile.Read(ref sent)} sent)");
            Assert.InRange(Volatile.Read(ref sent), 1, Messages - 1);
        }

        // The lock is gone: the writer catches up and the sender gets through.
        await dispatching.WaitAsync(TimeSpan.FromMinutes(2));
        var summary = await Eventually.ReturnsAsync(
            async () => (await client.GetFromJsonAsync<AnalyticsSummary>($"/api/guilds/{GuildId}/summary?window=7d", JsonSerializerOptions.Web))!,
            s => s.Totals.Messages == Messages,
            TimeSpan.FromMinutes(2));
        Assert.Equal(Messages, summary.Totals.Messages);
        var health = await Eventually.ReturnsAsync(() => HealthAsync(client), h => QueueLength(h) == 0);
        Assert.Equal(0, QueueLength(health));
        Assert.Equal("writing", IngestionState(health));
        Assert.Equal(1, emulator.IdentifyCount);
        Assert.Equal(0, emulator.ResumeCount);
    }

    private static int QueueLength(JsonElement health) => health.GetProperty("ingestion").GetProperty("queueLength").GetInt32();

    private static string? IngestionState(JsonElement health) => health.GetProperty("ingestion").GetProperty("state").GetString();

    /// <summary>The /healthz body whatever its status: 503 while the store is locked is part of what is checked.</summary>
    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string MessageJson(ulong id) => JsonSerializer.Serialize(new
    {
        id = id.ToString(), channel_id = ChannelId.ToString(), guild_id = GuildId.ToString(), type = 0, content = $"busy message {id}",
        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(Snowflake.ToUnixMs(id)).ToString("O"),
        author = new { id = "700000000000000001", username = "busy" },
        embeds = new[] { new { description = Embed } },
    });
}
