using System.Net.Sockets;
using Npgsql;

namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// What the copy asks of the PostgreSQL database before it writes anything: reachable, and either empty (no table of
/// the store holds a row) or holding an unfinished copy of this very source (the same rows per table as recorded when
/// that copy began). Anything else is another store's data, which the copy must not mix into.
/// </summary>
internal static class TargetCheck
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, string where, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            var reason = ex is PostgresException postgres ? $"PostgreSQL error {postgres.SqlState}: {postgres.MessageText}" : ex.Message;
            throw new StoreCopyRefusedException($"Cannot open the PostgreSQL database {where} ({reason}).", ex);
        }
    }

    /// <summary>True when the target holds an unfinished (or finished) copy of this source; false when it is empty.</summary>
    public static async Task<bool> EnsureEmptyOrSameCopyAsync(
        NpgsqlConnection postgres, string where, string path, IReadOnlyList<CopyTable> tables, IReadOnlyDictionary<string, long> sourceRows, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(postgres, SqliteToPostgresCopier.ProgressTable, cancellationToken))
        {
            await using var recorded = new NpgsqlCommand($"SELECT tablename, sourcerows FROM {SqliteToPostgresCopier.ProgressTable}", postgres);
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            await using (var reader = await recorded.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            foreach (var table in tables)
            {
                var now = sourceRows[table.PostgresName];
                if (!rows.TryGetValue(table.PostgresName, out var then) || then != now)
                {
                    throw new StoreCopyRefusedException(
                        $"The PostgreSQL database {where} holds a copy of another SQLite store, or of this one before it changed " +
                        $"(table {table.PostgresName}: {(rows.ContainsKey(table.PostgresName) ? then.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "no")} rows recorded, {now:N0} in {path}); copy into a new, empty database.");
                }
            }

            return true;
        }

        foreach (var table in tables)
        {
            if (await ExistsAsync(postgres, table.PostgresName, cancellationToken) && await HasRowsAsync(postgres, table.PostgresName, cancellationToken))
            {
                throw new StoreCopyRefusedException(
                    $"The PostgreSQL database {where} already holds data this command did not copy (table {table.PostgresName} has rows); copy into a new, empty database.");
            }
        }

        return false;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection postgres, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", postgres);
        command.Parameters.AddWithValue("name", $"\"{table}\"");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<bool> HasRowsAsync(NpgsqlConnection postgres, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table}\")", postgres);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
