namespace DiscordAnalytics.Core.Storage;

/// <summary>The database the store lives in (<c>Storage:Provider</c>).</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for communities that outgrow one file.</summary>
    Postgres,
}
