using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without starting the app. SQLite by default; with
/// <c>-- Postgres</c> after the command's own arguments it builds the PostgreSQL context (the server is not contacted):
/// <c>dotnet ef migrations add NAME --project DiscordAnalytics.Core --startup-project DiscordAnalytics.Core
/// --output-dir Storage/Migrations/Postgres --namespace DiscordAnalytics.Core.Storage.PostgresMigrations -- Postgres</c>.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AnalyticsDbContext>
{
    public AnalyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AnalyticsDbContext>().UseStore(DesignTimeStorage(args)).Options);

    /// <summary>The storage a design-time factory builds its context for: PostgreSQL when the arguments say so.</summary>
    public static StorageOptions DesignTimeStorage(string[] args, string sqliteFile = "design-time.db") =>
        args.Contains(nameof(StoreProvider.Postgres), StringComparer.OrdinalIgnoreCase)
            ? new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = "Host=127.0.0.1;Database=design_time" }
            : new StorageOptions { ConnectionString = $"Data Source={sqliteFile}" };
}
