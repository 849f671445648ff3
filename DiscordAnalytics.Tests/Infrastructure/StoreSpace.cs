using DiscordAnalytics.Core.Ingestion;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A real full store: <c>PRAGMA max_page_count</c> on the ingestion writer's own connection (SQLite keeps it per
/// connection, so it is set before each batch). <see cref="Fill"/> caps the file at the pages it has (SQLite clamps
/// the cap to the current size), so the next write needing a page fails with SQLITE_FULL, exactly as on a full
/// disk; <see cref="Free"/> lifts the cap. Register it as the app's <see cref="IStoreWriteHook"/>.
/// </summary>
public sealed class StoreSpace : IStoreWriteHook
{
    private volatile bool _full;
    private int _batchesWhileFull;

    /// <summary>Batches that began while the store was full.</summary>
    public int BatchesWhileFull => Volatile.Read(ref _batchesWhileFull);

    public void Fill() => _full = true;

    public void Free() => _full = false;

    public void BeforeBatch(SqliteConnection connection)
    {
        var full = _full;
        using var command = connection.CreateCommand();
        command.CommandText = full ? "PRAGMA max_page_count = 1" : "PRAGMA max_page_count = 4294967294";
        command.ExecuteNonQuery();
        if (full)
        {
            Interlocked.Increment(ref _batchesWhileFull);
        }
    }
}
