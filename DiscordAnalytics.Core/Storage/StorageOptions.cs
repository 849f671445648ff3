using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (default). <c>Postgres</c> is reserved for communities that outgrow one file.</summary>
    [RegularExpression("^(Sqlite)$", ErrorMessage = "Storage:Provider must be Sqlite (Postgres is not available yet).")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>SQLite connection string. Default <c>Data Source=data/analytics.db</c> (relative to the working directory).</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/analytics.db";
}
