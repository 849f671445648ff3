using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>A fresh <see cref="MemberDayIndex"/> over a test store, for queries built by hand (the app registers one).</summary>
public static class TestMemberDays
{
    public static MemberDayIndex Over(IDbContextFactory<AnalyticsDbContext> contexts) => new(contexts, NullLogger<MemberDayIndex>.Instance);
}
