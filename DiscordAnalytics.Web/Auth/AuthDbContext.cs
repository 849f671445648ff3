using DiscordAnalytics.Core.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Sign-in state, owned by the Web project: the admin credential (<c>adminCredentials</c>). It lives in the same SQLite
/// file as the analytics store but is no part of <see cref="AnalyticsDbContext"/>: its migrations keep their own
/// history (<see cref="MigrationsHistoryTable"/>). Stores made before this context existed already have the table
/// (the analytics migrations created it); the first migration adopts it as it is, credential included.
/// On PostgreSQL it also keeps ASP.NET Core's Data Protection key ring (<c>dataProtectionKeys</c>), which signs the
/// sign-in cookie: every instance of the database shares it (<see cref="SignInKeyRing"/>; SQLite's keys are files).
/// </summary>
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__AuthMigrationsHistory";

    public DbSet<AdminCredential> AdminCredentials => Set<AdminCredential>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The options every AuthDbContext uses (the app's, the design-time factory's, the tests').</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StorageOptions storage) =>
        builder.UseStore(storage, MigrationsHistoryTable);

    /// <summary>A context over a SQLite store (tests).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string sqliteConnectionString) =>
        Configure(builder, new StorageOptions { ConnectionString = sqliteConnectionString });

    // Each provider has its own migrations: SQLite's in Migrations, PostgreSQL's in Migrations/Postgres (namespace ...PostgresMigrations).
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdminCredential>(e =>
        {
            e.ToTable("adminCredentials");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("dataProtectionKeys");

        // camelCase columns, as the analytics store names them (the table was made there).
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
        }

        if (Database.IsNpgsql())
        {
            PostgresNaming.Apply(modelBuilder.Model);
        }
    }
}
