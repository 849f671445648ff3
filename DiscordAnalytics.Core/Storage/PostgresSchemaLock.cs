using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Serialises schema changes of app instances that start together on one PostgreSQL database: the store's migrations,
/// sign-in's, and Hangfire's schema install each run while holding a session advisory lock ("DAschema"), so the second
/// instance waits, then finds nothing left to do, instead of failing with "relation already exists". SQLite needs none
/// (one file, one writer). The lock's connection is not pooled: closing it always ends the session and its lock.
/// </summary>
public static class PostgresSchemaLock
{
    /// <summary>The advisory lock's key ("DAschema"), distinct from the leader lock's.</summary>
    public const long LockKey = 0x4441_7363_6865_6D61;

    /// <summary>
    /// Runs <paramref name="before"/>, applies <paramref name="database"/>'s pending migrations, then runs
    /// <paramref name="after"/>, all under the lock on PostgreSQL.
    /// </summary>
    public static async Task MigrateAsync(DatabaseFacade database, Func<Task>? before, Func<Task>? after, CancellationToken cancellationToken)
    {
        async Task Migrate()
        {
            if (before is not null)
            {
                await before().ConfigureAwait(false);
            }

            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (after is not null)
            {
                await after().ConfigureAwait(false);
            }
        }

        if (database.IsNpgsql())
        {
            await RunAsync(database.GetConnectionString()!, Migrate, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Migrate().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> while holding the lock on the database <paramref name="connectionString"/> names.</summary>
    public static async Task RunAsync(string connectionString, Func<Task> work, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Released when the connection closes (it is not pooled), whatever work does.
        await work().ConfigureAwait(false);
    }

    /// <summary>
    /// The same, for a caller that cannot wait asynchronously (a DI factory). <paramref name="work"/> learns whether the
    /// server answered: one that cannot be reached leaves it to meet that unlocked, with its own answer to it (the app
    /// starts unhealthy, not at all).
    /// </summary>
    public static T Run<T>(string connectionString, Func<bool, T> work)
    {
        using var connection = new NpgsqlConnection(Unpooled(connectionString));
        bool answered;
        try
        {
            connection.Open();
            using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", LockKey);
            take.ExecuteNonQuery();
            answered = true;
        }
        catch (NpgsqlException)
        {
            // Unreachable: nobody else can be changing the schema through it either.
            answered = false;
        }

        return work(answered);
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
