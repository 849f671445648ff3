using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Hosting;

public sealed class ResilientBackgroundServiceTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Execute_WorkThrowsThreeTimes_RetriesAfter1Then2Then4SecondsAndEndsWhenItSucceeds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var service = new FlakyService(failuresBeforeSuccess: 3, time, loggers.CreateLogger("flaky"));

        await service.StartAsync(CancellationToken.None);
        await AdvanceUntilAsync(time, () => service.ExecuteTask!.IsCompleted);

        await service.ExecuteTask!;
        Assert.Equal([1, 2, 4], service.ReportedWaits.Select(w => w.TotalSeconds));
        var attempts = service.Attempts;
        Assert.Equal(4, attempts.Count);
        for (var i = 1; i < attempts.Count; i++)
        {
            // The next attempt never comes before the reported wait has passed on the clock. (It can come a few steps
            // later: the fake clock moves on while the service has not yet started its wait.)
            Assert.True(attempts[i] - attempts[i - 1] >= service.ReportedWaits[i - 1], $"attempt {i + 1} came {attempts[i] - attempts[i - 1]} after the failure, before the {service.ReportedWaits[i - 1]} wait");
        }

        Assert.Equal(3, service.ConsecutiveFailures);
        Assert.Equal(3, logs.Lines.Count(l => l.Contains("FlakyService failed (InvalidOperationException", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stop_DuringTheBackoff_EndsQuietly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var loggers = LoggerFactory.Create(_ => { });
        var service = new FlakyService(failuresBeforeSuccess: int.MaxValue, time, loggers.CreateLogger("flaky"));
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => service.ReportedWaits.Count == 1, "the first failure was reported");

        await service.StopAsync(CancellationToken.None);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Single(service.Attempts);
    }

    [Fact]
    public async Task Stop_WhileWorking_EndsWithoutCountingAFailure()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var loggers = LoggerFactory.Create(_ => { });
        var service = new FlakyService(failuresBeforeSuccess: 0, time, loggers.CreateLogger("flaky")) { RunsUntilStopped = true };
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => service.Attempts.Count == 1, "the work started");

        await service.StopAsync(CancellationToken.None);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(service.ReportedWaits);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1_000, 60)]
    public void Delay_FailuresInARow_DoublesUpToAMinute(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(failures));
    }

    [Fact]
    public void RetryingIn_Delays_SaysSecondsInWords()
    {
        Assert.Equal("retrying in 30 s", RetryBackoff.RetryingIn(TimeSpan.FromSeconds(29.6)));
        Assert.Equal("retrying in under a second", RetryBackoff.RetryingIn(TimeSpan.FromMilliseconds(200)));
    }

    /// <summary>Moves the fake clock in small steps (letting the service run between them) until <paramref name="done"/>.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done)
    {
        for (var i = 0; i < 400 && !done(); i++)
        {
            await Task.Delay(10);
            time.Advance(Step);
        }
    }
}
