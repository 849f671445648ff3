using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Lets <c>dotnet ef migrations add ... --context AuthDbContext</c> build the context without starting the app; with
/// <c>-- Postgres</c> it builds the PostgreSQL context (output to <c>Auth/Migrations/Postgres</c>, namespace
/// <c>DiscordAnalytics.Web.Auth.PostgresMigrations</c>).
/// </summary>
public sealed class AuthDesignTimeContextFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContext.Configure(options, DesignTimeContextFactory.DesignTimeStorage(args, "design-time-auth.db"));
        return new AuthDbContext(options.Options);
    }
}
