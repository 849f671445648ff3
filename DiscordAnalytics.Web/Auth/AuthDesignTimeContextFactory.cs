using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DiscordAnalytics.Web.Auth;

/// <summary>Lets <c>dotnet ef migrations add ... --context AuthDbContext</c> build the context without starting the app.</summary>
public sealed class AuthDesignTimeContextFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContext.Configure(options, "Data Source=design-time-auth.db");
        return new AuthDbContext(options.Options);
    }
}
