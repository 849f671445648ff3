using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Runs on the ingestion writer's connection before each batch's transaction. The app registers none. It exists
/// for what SQLite keeps per connection and a test must set on the writer's own: <c>PRAGMA max_page_count</c>
/// lowered makes the real store file full (SQLITE_FULL on the next page it needs), raised frees space again.
/// </summary>
public interface IStoreWriteHook
{
    void BeforeBatch(SqliteConnection connection);
}
