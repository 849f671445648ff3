using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Contexts over a test store (SQLite file or PostgreSQL database), for query classes that take an <see cref="IDbContextFactory{TContext}"/>.</summary>
public sealed class StoreContextFactory(StorageOptions storage) : IDbContextFactory<AnalyticsDbContext>
{
    /// <summary>Contexts over a SQLite store file.</summary>
    public StoreContextFactory(string sqliteConnectionString)
        : this(new StorageOptions { ConnectionString = sqliteConnectionString })
    {
    }

    public AnalyticsDbContext CreateDbContext() => new(new DbContextOptionsBuilder<AnalyticsDbContext>().UseStore(storage).Options);
}
