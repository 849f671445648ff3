using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>The real app on a broken store file, and on a store it must not lose events to when stopping.</summary>
public sealed class StoreSafetyTests
{
    private const ulong Guild = 6_700_000_000_000_000_001;

    public enum Damage
    {
        GarbageInTheMiddle,
        GarbageInTheHeader,
        Truncated,
    }

    [Theory]
    [InlineData(Damage.GarbageInTheMiddle)]
    [InlineData(Damage.GarbageInTheHeader)]
    [InlineData(Damage.Truncated)]
    public async Task Start_CorruptedStoreFile_HealthzIs503WithTheProblemAndTheAppKeepsServing(Damage damage)
    {
        var folder = Directory.CreateTempSubdirectory("da-corrupt-");
        try
        {
            var path = Path.Combine(folder.FullName, "analytics.db");
            await CreateFilledStoreAsync(path);
            Corrupt(path, damage);

            await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={path}" });
            using var client = await app.CreateAdminClientAsync();
            using var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("unhealthy", health.GetProperty("status").GetString());
            Assert.False(health.GetProperty("store").GetProperty("ok").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("store").GetProperty("problem").GetString()));
            // Anyone may read /healthz: it names the store's state, never what SQLite said about the file.
            using var anonymous = await app.CreateClient().GetAsync("/healthz");
            var anonymousBody = await anonymous.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, anonymous.StatusCode);
            Assert.Matches("^(unreadable|damaged): ", health.GetProperty("store").GetProperty("problem").GetString());
            Assert.DoesNotContain("SQLite Error", anonymousBody, StringComparison.Ordinal);
            Assert.All(await WhatSqliteSaysAsync(path), said => Assert.DoesNotContain(said, anonymousBody, StringComparison.OrdinalIgnoreCase));
            // Still serving: a second request is answered the same way.
            using var again = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
            // The dashboard page itself still renders (it explains the failure instead of a 500).
            using var dashboard = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Stop_EventsStillQueued_AreAllInTheStoreAfterRestartOnTheSameFile()
    {
        const int count = 2_000;
        var folder = Directory.CreateTempSubdirectory("da-drain-");
        try
        {
            var path = Path.Combine(folder.FullName, "analytics.db");
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={path}",
                ["Ingestion:MaxBatchSize"] = "100",
            };
            var now = DateTimeOffset.UtcNow;
            var at = now.AddHours(-1).ToUnixTimeMilliseconds();

            var first = new AnalyticsAppFactory(settings);
            _ = first.Server;
            var pipeline = first.Services.GetRequiredService<IngestionPipeline>();
            await pipeline.WriteAsync(TestEvents.Guild(Guild, "Drain", at - 1_000), default);
            await pipeline.FlushAsync(default);

            // Hold the store's write lock so the writer waits and the events stay queued until the host stops.
            var connectionString = first.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
            await using var blocker = new SqliteConnection(connectionString);
            await blocker.OpenAsync();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            for (var i = 0; i < count; i++)
            {
                await pipeline.WriteAsync(TestEvents.Message(Guild, 10, 20, at + i, (ulong)i, "queued"), default);
            }

            Assert.True(pipeline.QueueLength > 0);
            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            first.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            var stopped = first.DisposeAsync().AsTask();
            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(pipeline.QueueLength > 0, "the host began stopping with events queued");
            await using (var rollback = blocker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            await blocker.CloseAsync();
            await stopped.WaitAsync(TimeSpan.FromSeconds(30));

            await using var second = new AnalyticsAppFactory(settings);
            using var client = second.CreateApiClient();
            var summary = await client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d");
            Assert.Equal(count, summary.GetProperty("totals").GetProperty("messages").GetInt64());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A store the real app migrated and filled, closed and checkpointed so the file alone holds it.</summary>
    private static async Task CreateFilledStoreAsync(string path)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        await using (var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={path}" }))
        {
            _ = app.Server;
            var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
            await pipeline.WriteAsync(TestEvents.Guild(Guild, "Corrupt me", at - 1_000), default);
            for (var i = 0; i < 3_000; i++)
            {
                await pipeline.WriteAsync(TestEvents.Message(Guild, 10 + (ulong)(i % 7), 20 + (ulong)(i % 13), at + i, (ulong)i, $"message number {i} with some text"), default);
            }

            await pipeline.FlushAsync(default);
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>The exception text or integrity-check lines SQLite gives for the file (read-only, so nothing changes).</summary>
    private static async Task<List<string>> WhatSqliteSaysAsync(string path)
    {
        var said = new List<string>();
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            await using var reader = await check.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                said.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex)
        {
            said.Add(ex.Message);
        }

        return said.Where(s => s != "ok" && s.Length > 8).ToList();
    }

    private static void Corrupt(string path, Damage damage)
    {
        var length = new FileInfo(path).Length;
        Assert.True(length > 64 * 1024, "the store spans many pages");
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var garbage = new byte[8192];
        new Random(6).NextBytes(garbage);
        switch (damage)
        {
            case Damage.GarbageInTheMiddle:
                file.Position = length / 2;
                file.Write(garbage);
                break;
            case Damage.GarbageInTheHeader:
                file.Position = 0;
                file.Write(garbage.AsSpan(0, 100));
                break;
            case Damage.Truncated:
                file.SetLength(length / 2);
                break;
        }
    }
}
