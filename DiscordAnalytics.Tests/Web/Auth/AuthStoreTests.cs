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

    private const string KeyRingMigration = "20261206151514_DataProtectionKeys";

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
        Assert.Equal([AdoptingMigration, KeyRingMigration], await QueryAsync(store, $"SELECT MigrationId FROM \"{AuthDbContext.MigrationsHistoryTable}\" ORDER BY MigrationId"));
        Assert.DoesNotContain(AdoptingMigration, await QueryAsync(store, "SELECT MigrationId FROM __EFMigrationsHistory"));
    }

    [Fact]
    public async Task Migrate_FreshStore_AuthModelHasNoPendingChangesAndKeepsItsOwnHistory()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var auth = NewAuthContext(store);

        await auth.Database.MigrateAsync();

        Assert.False(auth.Database.HasPendingModelChanges(), "The auth model changed without a migration: dotnet ef migrations add ... --context AuthDbContext.");
        Assert.Equal([AdoptingMigration, KeyRingMigration], await QueryAsync(store, $"SELECT MigrationId FROM \"{AuthDbContext.MigrationsHistoryTable}\" ORDER BY MigrationId"));
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
    public async Task Start_PostgresServerNotAnswering_AppStartsUnhealthyAndTheConfiguredPasswordStillVerifies()
    {
        // A loopback port nobody listens on: the sign-in table cannot be migrated or read; the configured password holds in memory.
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=9;Username=postgres;Database=none;Timeout=3",
        });
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/healthz");
        var verified = await app.Services.GetRequiredService<AdminCredentials>().VerifyAsync(AnalyticsAppFactory.AdminPassword, "127.0.0.1", default);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(verified.Succeeded, $"the configured password answered {verified.Outcome}");
    }

    [Fact]
    public async Task Restart_SqliteStore_KeysLiveBesideTheStoreAndACookieFromBeforeStillSignsIn()
    {
        var folder = Directory.CreateTempSubdirectory("da-keys-");
        try
        {
            var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "analytics.db")}" };
            string cookie;
            await using (var before = new AnalyticsAppFactory(settings))
            {
                using var anonymous = before.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                using var login = await CookieLogin.PostAsync(anonymous, AnalyticsAppFactory.AdminPassword);
                cookie = CookieLogin.NameAndValue(Assert.Single(CookieLogin.SetCookies(login), c => c.StartsWith("da.admin=", StringComparison.Ordinal)));
            }

            await using var after = new AnalyticsAppFactory(settings);
            using var browser = after.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var page = new HttpRequestMessage(HttpMethod.Get, "/settings");
            page.Headers.Add("Cookie", cookie);
            using var signedIn = await browser.SendAsync(page);

            Assert.Equal(System.Net.HttpStatusCode.OK, signedIn.StatusCode);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.FullName, SignInKeyRing.FolderName), "key-*.xml"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
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
