using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// What the copy asks of the SQLite file before it touches the target: a SQLite database, holding every table of the
/// store, migrated by this version (an older file is migrated by starting the app on it once; the copy never writes to it).
/// </summary>
internal static class SourceCheck
{
    public static string HistoryTable(DbContext context) =>
        RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;

    /// <summary>Each table's rows in the source (keyed by the PostgreSQL name), once the file passed every check.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(
        SqliteConnection sqlite,
        string path,
        IReadOnlyList<CopyTable> tables,
        IReadOnlyList<(string History, IReadOnlyList<string> Expected)> migrations,
        CancellationToken cancellationToken)
    {
        HashSet<string> present;
        try
        {
            await sqlite.OpenAsync(cancellationToken);
            present = [.. await ReadAsync(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table'", cancellationToken)];
        }
        catch (SqliteException ex)
        {
            throw new StoreCopyRefusedException($"{path} is not a SQLite database (SQLite result code {ex.SqliteErrorCode}).", ex);
        }

        if (tables.FirstOrDefault(t => !present.Contains(t.SqliteName)) is { } missing)
        {
            throw new StoreCopyRefusedException($"{path} is not a DiscordAnalytics store: it has no table {missing.SqliteName}.");
        }

        foreach (var (history, expected) in migrations)
        {
            var applied = present.Contains(history)
                ? await ReadAsync(sqlite, $"SELECT \"MigrationId\" FROM \"{history}\"", cancellationToken)
                : [];
            var pending = expected.Except(applied, StringComparer.Ordinal).Count();
            if (pending > 0)
            {
                throw new StoreCopyRefusedException(
                    $"{path} was last opened by an older version ({pending} migration(s) to apply): start the app on it once, stop it, then copy it.");
            }

            if (applied.Except(expected, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            {
                throw new StoreCopyRefusedException($"{path} was written by a newer version (migration {unknown}): copy it with that version.");
            }
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = sqlite.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.SqliteName}\"";
            rows[table.PostgresName] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return rows;
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection sqlite, string sql, CancellationToken cancellationToken)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
