using DiscordAnalytics.Core;
using DiscordAnalytics.Core.Clock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Clock;

/// <summary><c>Clock:StartAt</c>: the app's clock starts at a chosen instant and runs on at the real pace from it.</summary>
public sealed class ShiftedClockTests
{
    private static readonly DateTimeOffset StartAt = new(2025, 12, 31, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_ReadsTheStartThenRunsAtTheRealPace_WhileTimestampsStayReal()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));
        var clock = new ShiftedClock(StartAt, real);
        var stamp = clock.GetTimestamp();

        real.Advance(TimeSpan.FromMinutes(90));

        Assert.Equal(StartAt.AddMinutes(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(90), clock.GetElapsedTime(stamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-12-31T20:00:00Z")]
    public void AppServices_TakeTheConfiguredStart_OrTheRealTimeWithoutOne(string? startAt)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Clock:StartAt"] = startAt });
        builder.AddDiscordAnalyticsCore();
        using var services = builder.Services.BuildServiceProvider();

        var time = services.GetRequiredService<TimeProvider>();

        if (startAt is null)
        {
            Assert.Same(TimeProvider.System, time);
        }
        else
        {
            var now = time.GetUtcNow();
            Assert.InRange(now, StartAt, StartAt.AddMinutes(5));
        }
    }
}
