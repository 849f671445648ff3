using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>The ingestion writer's own connection to a PostgreSQL store.</summary>
internal static class PostgresWriterConnection
{
    /// <summary>
    /// Opens it with automatic preparation on: every statement of the writer is prepared on the server from its second
    /// execution on and stays prepared for the connection's life (the writer runs ~55 statements, far below the bound),
    /// so a batch sends only bound values, as SQLite's prepared statements do.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 128,
            AutoPrepareMinUsages = 2,
            ApplicationName = "discord-analytics-writer",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
