using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// Sign-in state lives in its own context (AuthDbContext, history <c>__AuthMigrationsHistory</c>) in the store's file.
/// A store made before that keeps its admin credential: the first auth migration adopts the table as it is.
/// </summary>
public sealed class AuthStoreTests
{
    /// <summary>The analytics store's last migration while it still mapped <c>adminCredentials</c>.</summary>
    private const string LastStoreMigrationWithSignIn = "20261206091333_DigestEditPending";

    private const string AdoptingMigration = "20261206102703_AdoptAdminCredentials";

    private const string OldPassword = "password-from-an-older-version";

    [Fact]
    public async Task Start_StoreMadeBeforeAuthDbContext_ItsCredentialStillSignsIn()
    {
        await using var store = TempSqliteStore.CreateUnmigrated();
        await using (var db = store.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastStoreMigrationWithSignIn);
        }

        var oldHash = new PasswordHasher<AdminCredential>().HashPassword(new AdminCredential(), OldPassword);
        await ExecuteAsync(
            store,
            "INSERT INTO adminCredentials (id, passwordHash, securityStamp, source, updatedAt, failedSignIns, lockouts, lockedUntil) VALUES (1, $hash, 'old-stamp', 'changed', 1, 0, 0, 0)",
            ("$hash", oldHash));

        var console = new StringWriter();
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = store.ConnectionString, ["Auth:AdminPassword"] = "" },
            services: s => s.AddSingleton(new AdminConsole(console)));
        using var signedIn = await app.CreateAdminClientAsync(OldPassword);
        using var dashboard = await signedIn.GetAsync("/");

        Assert.True(dashboard.IsSuccessStatusCode, $"the dashboard answered {(int)dashboard.StatusCode}");
        Assert.DoesNotContain("shown only this once", console.ToString(), StringComparison.Ordinal);
        Assert.Equal([oldHash], await QueryAsync(store, "SELECT passwordHash FROM adminCredentials"));
        Assert.Equal([AdoptingMigration], await QueryAsync(store, $"SELECT MigrationId FROM \"{AuthDbContext.MigrationsHistoryTable}\""));
        Assert.DoesNotContain(AdoptingMigration, await QueryAsync(store, "SELECT MigrationId FROM __EFMigrationsHistory"));
    }

    [Fact]
    public async Task Migrate_FreshStore_AuthModelHasNoPendingChangesAndKeepsItsOwnHistory()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var auth = NewAuthContext(store);

        await auth.Database.MigrateAsync();

        Assert.False(auth.Database.HasPendingModelChanges(), "The auth model changed without a migration: dotnet ef migrations add ... --context AuthDbContext.");
        Assert.Equal([AdoptingMigration], await QueryAsync(store, $"SELECT MigrationId FROM \"{AuthDbContext.MigrationsHistoryTable}\""));
        auth.AdminCredentials.Add(new AdminCredential { PasswordHash = "h", SecurityStamp = "s", Source = "generated", UpdatedAt = 1 });
        await auth.SaveChangesAsync();
        Assert.Equal(["h"], await QueryAsync(store, "SELECT passwordHash FROM adminCredentials"));
    }

    [Fact]
    public async Task Migrate_FileWithoutTheAnalyticsStore_AuthCreatesItsTable()
    {
        await using var store = TempSqliteStore.CreateUnmigrated();
        await using var auth = NewAuthContext(store);

        await auth.Database.MigrateAsync();
        auth.AdminCredentials.Add(new AdminCredential { PasswordHash = "h", SecurityStamp = "s", Source = "generated", UpdatedAt = 1 });
        await auth.SaveChangesAsync();

        Assert.Equal(["0"], await QueryAsync(store, "SELECT lockouts FROM adminCredentials"));
    }

    [Fact]
    public async Task AnalyticsModel_NoLongerMapsSignInState()
    {
        await using var store = TempSqliteStore.CreateUnmigrated();
        await using var db = store.NewContext();

        Assert.DoesNotContain(db.Model.GetEntityTypes(), e => e.GetTableName() == "adminCredentials");
    }

    private static AuthDbContext NewAuthContext(TempSqliteStore store)
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContext.Configure(options, store.ConnectionString);
        return new AuthDbContext(options.Options);
    }

    private static async Task ExecuteAsync(TempSqliteStore store, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(TempSqliteStore store, string sql)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
