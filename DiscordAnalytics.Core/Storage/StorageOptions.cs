using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace DiscordAnalytics.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The start error for a connection string PostgreSQL cannot use.</summary>
    public const string PostgresConnectionStringError =
        "Storage:ConnectionString must be a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...) when Storage:Provider is Postgres.";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = nameof(StoreProvider.Sqlite);

    /// <summary>
    /// The store's connection string. SQLite: default <c>Data Source=data/analytics.db</c> (relative to the working
    /// directory). PostgreSQL: an Npgsql connection string naming at least the host.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/analytics.db";

    /// <summary>The provider as a value; only meaningful once <see cref="Provider"/> passed validation.</summary>
    public StoreProvider Kind => Provider == nameof(StoreProvider.Postgres) ? StoreProvider.Postgres : StoreProvider.Sqlite;

    /// <summary>Whether <see cref="ConnectionString"/> fits the provider (checked at start: a SQLite path given to PostgreSQL stops it).</summary>
    public bool HasValidConnectionString
    {
        get
        {
            if (Kind != StoreProvider.Postgres)
            {
                return true;
            }

            try
            {
                return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(ConnectionString).Host);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
