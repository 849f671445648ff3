using System.Globalization;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.PostgresCopy;
using DiscordAnalytics.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// <c>migrate-to-postgres --from FILE</c>: copies the SQLite store FILE (analytics, settings, dead letters, the sign-in
/// credential) into the PostgreSQL database named by <c>Storage:ConnectionString</c> (appsettings.json, environment,
/// or <c>--Storage:ConnectionString=...</c>), prints each table's counts and exits 0. A refused copy prints one line
/// and exits 1 having changed nothing it could not continue from; a bad argument exits 2. Hangfire's job state is
/// not copied: the app registers its recurring jobs at every start.
/// </summary>
public static class MigrateToPostgresCommand
{
    public const int RefusedExitCode = 1;
    public const int BadArgumentExitCode = 2;

    /// <summary>The contexts whose tables make up a store.</summary>
    public static readonly IReadOnlyList<StoreCopyContext> StoreContexts =
    [
        new("analytics", storage => new AnalyticsDbContext(new DbContextOptionsBuilder<AnalyticsDbContext>().UseStore(storage).Options)),
        new("sign-in", storage =>
        {
            var options = new DbContextOptionsBuilder<AuthDbContext>();
            AuthDbContext.Configure(options, storage);
            return new AuthDbContext(options.Options);
        }),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, int chunkRows = SqliteToPostgresCopier.DefaultChunkRows)
    {
        var at = Array.IndexOf(args, "--from");
        if (at < 0 || at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("migrate-to-postgres --from <sqlite file>: --from names the SQLite store to copy.");
            return BadArgumentExitCode;
        }

        var from = args[at + 1];
        var storage = TargetStorage([.. args[..at], .. args[(at + 2)..]]);
        if (!storage.HasValidConnectionString)
        {
            await error.WriteLineAsync("migrate-to-postgres copies into the database named by Storage:ConnectionString, which must be a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...).");
            return BadArgumentExitCode;
        }

        try
        {
            var copier = new SqliteToPostgresCopier(StoreContexts, chunkRows);
            var tables = await copier.CopyAsync(from, storage.ConnectionString, chunk => Progress(output, chunk), cancellationToken);
            foreach (var table in tables)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{table.Table,-28} {table.TargetRows,14:N0} rows (SQLite {table.SourceRows:N0})"));
            }

            await output.WriteLineAsync($"Copied {Path.GetFullPath(from)}: every table's rows counted on both sides. Start the app with Storage:Provider=Postgres.");
            return 0;
        }
        catch (StoreCopyRefusedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return RefusedExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Interrupted: the chunks committed so far stay; run the same command again to continue.");
            return RefusedExitCode;
        }
    }

    /// <summary>The <c>Storage</c> settings as the app would read them, with the provider forced to PostgreSQL.</summary>
    private static StorageOptions TargetStorage(string[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        SettingsBesideExecutable.Add(configuration);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(settings);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.Provider = nameof(StoreProvider.Postgres);
        return storage;
    }

    private static void Progress(TextWriter output, CopiedChunk chunk)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {chunk.Table}: {chunk.Copied:N0} of {chunk.Total:N0}"));
    }
}
