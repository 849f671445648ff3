using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.WarmUp;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.WarmUp;

/// <summary>The warm-up never holds the host: a stop returns within its bound whatever a build does; a store that cannot be read is logged and tried again.</summary>
public sealed class KeptWindowsWarmUpFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private const ulong Guild = 4_200;

    [Fact]
    public async Task Stop_DuringABuildThatIgnoresCancellation_ReturnsAfterTheBound()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync();
        await store.WriteAsync(TestEvents.Message(Guild, 1, 2, Now.ToUnixTimeMilliseconds() - 60_000, n: 3));
        var time = new FakeTimeProvider(Now);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        var stuck = new DashboardCalls([new WarmUpCard("stuck", async (_, _) =>
        {
            entered.TrySetResult();
            await never.Task;
        })]);
        var warmUp = new KeptWindowsWarmUp(stuck, new MemberDayIndex(store, NullLogger<MemberDayIndex>.Instance), store, Options.Create(new DiscordOptions()), time, NullLogger<KeptWindowsWarmUp>.Instance);
        await warmUp.StartAsync(CancellationToken.None);
        await entered.Task.WaitAsync(Eventually.DefaultTimeout);

        var stop = warmUp.StopAsync(CancellationToken.None);

        // The build holds on past the cancellation; the stop waits for it no longer than the bound.
        Assert.False(stop.IsCompleted);
        time.Advance(KeptWindowsWarmUp.StopWait);
        await stop.WaitAsync(Eventually.DefaultTimeout);
        never.SetResult();
    }

    [Fact]
    public async Task Stop_DuringARealPass_ReturnsWithoutWaitingForTheBound()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync();
        await store.WriteAsync(TestEvents.Message(Guild, 1, 2, Now.ToUnixTimeMilliseconds() - 60_000, n: 3));
        var time = new FakeTimeProvider(Now);
        await using var services = WarmUpServices.Over(store.Storage, time);
        var warmUp = services.GetRequiredService<KeptWindowsWarmUp>();
        await warmUp.StartAsync(CancellationToken.None);

        // The clock never moves: only a pass that gives up at the cancellation lets the stop return.
        await warmUp.StopAsync(CancellationToken.None).WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task FailingStore_IsLoggedAndTriedAgain_UntilItCanBeRead_WithoutEndingTheService()
    {
        var folder = Directory.CreateTempSubdirectory("da-warmup-");
        try
        {
            // The store's folder does not exist yet: every open fails, as a store that cannot be read.
            var path = Path.Combine(folder.FullName, "later", "analytics.db");
            var time = new FakeTimeProvider(Now);
            var logs = new CapturingLoggerProvider();
            await using var services = WarmUpServices.Over(new StorageOptions { ConnectionString = $"Data Source={path}" }, time, logs);
            var warmUp = services.GetRequiredService<KeptWindowsWarmUp>();
            await warmUp.StartAsync(CancellationToken.None);
            try
            {
                await Eventually.TrueAsync(() => Advanced(time) && warmUp.ConsecutiveFailures >= 2, "two failed passes (the first retried after its backoff)");
                Assert.Contains(logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("KeptWindowsWarmUp failed (SqliteException", StringComparison.Ordinal));
                Assert.Equal(0, warmUp.Passes);

                // The store comes back: the next try warms it.
                await using (var store = await TempSqliteStore.CreateFromTemplateAsync())
                {
                    await store.WriteAsync(TestEvents.Message(Guild, 1, 2, Now.ToUnixTimeMilliseconds() - 60_000, n: 3));
                    SqliteConnection.ClearAllPools();
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.Copy(store.Path, path);
                }

                await Eventually.TrueAsync(() => Advanced(time) && warmUp.Passes >= 1, "a pass once the store can be read");
                Assert.NotNull(warmUp.ExecuteTask);
                Assert.False(warmUp.ExecuteTask.IsCompleted);
            }
            finally
            {
                await warmUp.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Moves the clock past any backoff (the retries wait on it), between checks.</summary>
    private static bool Advanced(FakeTimeProvider time)
    {
        time.Advance(RetryBackoff.MaxDelay);
        return true;
    }
}
