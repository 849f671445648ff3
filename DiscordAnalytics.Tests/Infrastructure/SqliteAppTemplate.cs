using DiscordAnalytics.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The store a test app on SQLite starts on: the run's migrated store (<see cref="TempSqliteStore.TemplatePathAsync"/>)
/// with the sign-in tables migrated too, made once per test run. The app's start runs both migrators as in production and
/// finds nothing pending, instead of each test app applying every migration to an empty file (as the PostgreSQL apps
/// start on <see cref="TestPostgres.CreateMigratedDatabaseAsync"/>). A start on an empty file is what the tests that
/// give the app a store path of their own see (StoreSafetyTests, AdminPasswordTests).
/// </summary>
internal static class SqliteAppTemplate
{
    // Made off the test's synchronisation context: the factory's constructor waits for it.
    private static readonly Lazy<string> Template = new(() => Task.Run(MigrateAsync).GetAwaiter().GetResult());

    /// <summary>Copies the template to <paramref name="path"/>, which must not exist yet.</summary>
    public static void CopyTo(string path) => File.Copy(Template.Value, path);

    private static async Task<string> MigrateAsync()
    {
        // Beside the store's template, in the folder removed when the test process exits.
        var store = await TempSqliteStore.TemplatePathAsync();
        var path = Path.Combine(Path.GetDirectoryName(store)!, "app-template.db");
        File.Copy(store, path);
        // No pooling: closing the one connection checkpoints the WAL, so the file alone is the whole store.
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDbContext.Configure(options, $"Data Source={path};Pooling=False");
        await using (var auth = new AuthDbContext(options.Options))
        {
            await auth.Database.MigrateAsync();
        }

        return path;
    }
}
