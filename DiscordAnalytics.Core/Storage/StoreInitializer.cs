using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Runs before every other hosted service: creates the database folder, applies migrations and checks the
/// file's integrity. Registered first, so sources and ingestion start against a ready store.
/// </summary>
public sealed class StoreInitializer(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IOptions<StorageOptions> options,
    StoreHealth health,
    IEnumerable<IMigrationFollowUp> followUps,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Kind == StoreProvider.Postgres)
        {
            await StartPostgresAsync(cancellationToken);
            return;
        }

        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        List<string> check;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await MigrateAsync(db, cancellationToken);
            check = await db.Database.SqlQueryRaw<string>("PRAGMA quick_check").ToListAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A damaged file (garbage, truncation, not a database at all) must not take the app down: /healthz
            // reports it with 503 so an operator sees it, and the dashboard explains instead of disappearing.
            // /healthz is anonymous: it names the state and the SQLite error code, never the exception's text
            // (which can carry paths and SQL); the log has the details.
            var code = ex is SqliteException sqlite ? $" (SQLite result code {sqlite.SqliteErrorCode})" : "";
            health.Report(false, $"unreadable: the store cannot be opened or migrated{code}; see the log");
            logger.LogError(ex, "Store at {DataSource} cannot be opened or migrated", builder.DataSource);
            return;
        }

        var ok = check is ["ok"];
        health.Report(ok, ok ? null : $"damaged: the integrity check found {check.Count} problem(s); see the log");
        if (ok)
        {
            logger.LogInformation("Store ready at {DataSource}", builder.DataSource);
        }
        else
        {
            logger.LogError("Store integrity check failed: {Problems}", string.Join("; ", check.Take(5)));
        }
    }

    /// <summary>
    /// PostgreSQL: applies the PostgreSQL migrations. The server checks its own pages, so there is no integrity check
    /// to run here; a server that cannot be reached or refuses the migration is reported like a damaged file.
    /// </summary>
    private async Task StartPostgresAsync(CancellationToken cancellationToken)
    {
        var where = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await MigrateAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var code = ex is PostgresException postgres ? $" (PostgreSQL error {postgres.SqlState})" : "";
            health.Report(false, $"unreadable: the store cannot be opened or migrated{code}; see the log");
            logger.LogError(ex, "Store on PostgreSQL at {Host}/{Database} cannot be opened or migrated", where.Host, where.Database);
            return;
        }

        health.Report(true, null);
        logger.LogInformation("Store ready on PostgreSQL at {Host}/{Database}", where.Host, where.Database);
    }

    /// <summary>Applies the pending migrations, then the follow-ups of the layers above (<see cref="IMigrationFollowUp"/>).</summary>
    private async Task MigrateAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        // On PostgreSQL under the schema lock, pending list included: an instance starting beside another waits for its
        // migrations and then finds none pending (so its follow-ups do nothing either).
        List<string> applied = [];
        await PostgresSchemaLock.MigrateAsync(db.Database, before: async () => applied = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)], after: async () =>
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                foreach (var followUp in followUps)
                {
                    await followUp.RunAsync(db.Database.GetDbConnection(), applied, cancellationToken);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
