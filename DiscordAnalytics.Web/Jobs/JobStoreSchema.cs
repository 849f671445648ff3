using DiscordAnalytics.Core.Storage;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Hangfire's tables on PostgreSQL (schema <see cref="JobsServiceCollectionExtensions.PostgresSchema"/>). The job store
/// installs them when it is made, if the server answers then. If it does not, the store is made without them (Hangfire's
/// own start-up retries would hold the start half a minute, and again on every use) and <see cref="EnsureAsync"/>
/// installs them once the server answers, under the store's schema lock like every schema change. SQLite's job store
/// makes its own tables.
/// </summary>
public sealed class JobStoreSchema(IOptions<StorageOptions> storage)
{
    private volatile bool _installed;

    /// <summary>The job store was made with its tables in place.</summary>
    public void Installed() => _installed = true;

    /// <summary>Installs the tables if the job store was made without them; throws the provider's error if the server does not answer.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_installed || storage.Value.Kind != StoreProvider.Postgres)
        {
            return;
        }

        var connectionString = storage.Value.ConnectionString;
        await PostgresSchemaLock.RunAsync(
            connectionString,
            async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                PostgreSqlObjectsInstaller.Install(connection, JobsServiceCollectionExtensions.PostgresSchema);
            },
            cancellationToken).ConfigureAwait(false);
        _installed = true;
    }
}
