using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Contexts over a test store's file, for query classes that take an <see cref="IDbContextFactory{TContext}"/>.</summary>
public sealed class StoreContextFactory(string connectionString) : IDbContextFactory<AnalyticsDbContext>
{
    public AnalyticsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AnalyticsDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options);
}
