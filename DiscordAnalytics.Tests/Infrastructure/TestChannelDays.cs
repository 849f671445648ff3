using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>A fresh <see cref="ChannelDayIndex"/> over a test store, for queries built by hand (the app registers one).</summary>
public static class TestChannelDays
{
    public static ChannelDayIndex Over(IDbContextFactory<AnalyticsDbContext> contexts) => new(contexts, NullLogger<ChannelDayIndex>.Instance);
}
