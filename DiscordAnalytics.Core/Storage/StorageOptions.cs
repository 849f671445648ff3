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
    public const string DataDirectoryWithPostgresError =
        "--data-dir (Storage:DataDirectory) keeps a SQLite store in a folder; with Storage:Provider=Postgres the store is the database of Storage:ConnectionString and needs no folder: remove --data-dir.";

    /// <summary>
    /// The folder <c>--data-dir</c> named (it also sets <see cref="ConnectionString"/> to <c>DIR/analytics.db</c>); empty
    /// without it. Only for SQLite: with PostgreSQL the start is refused, rather than quietly using a SQLite file there.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>False when <c>--data-dir</c> is given for a PostgreSQL store.</summary>
    public bool HasApplicableDataDirectory => Kind != StoreProvider.Postgres || string.IsNullOrWhiteSpace(DataDirectory);

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
            // --data-dir put a SQLite file here; its own message says what to do.
            if (Kind != StoreProvider.Postgres || !HasApplicableDataDirectory)
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
