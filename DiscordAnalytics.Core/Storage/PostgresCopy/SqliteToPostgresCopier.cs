using System.Collections.Frozen;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// Copies a SQLite store into an empty PostgreSQL database: applies the PostgreSQL migrations, then copies every table
/// of <paramref name="contexts"/> in key order, in chunks of binary COPY. Each chunk commits together with the count of
/// rows copied so far (<see cref="ProgressTable"/> in the target), so a copy stopped at any point (cancelled, killed,
/// the server gone) continues where the last commit left it when run again, without copying a row twice. At the end
/// every table's rows are counted on both sides. The SQLite file is opened read-only and never changed.
/// </summary>
public sealed class SqliteToPostgresCopier(IReadOnlyList<StoreCopyContext> contexts, int chunkRows = SqliteToPostgresCopier.DefaultChunkRows)
{
    public const int DefaultChunkRows = 20_000;

    /// <summary>The copy's own record in the target: per table, the rows the source had and the rows copied so far.</summary>
    public const string ProgressTable = "sqlitecopyprogress";

    /// <summary>Copies <paramref name="sqliteFile"/> into the database of <paramref name="postgresConnectionString"/>; returns each table's counts.</summary>
    /// <exception cref="StoreCopyRefusedException">The file is not a current store, the target holds other data, or a count differs.</exception>
    public async Task<IReadOnlyList<CopiedTable>> CopyAsync(
        string sqliteFile, string postgresConnectionString, Action<CopiedChunk>? onChunk, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(sqliteFile);
        if (!File.Exists(path))
        {
            throw new StoreCopyRefusedException($"No SQLite store at {path}: the file does not exist.");
        }

        var sourceStorage = new StorageOptions
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString,
        };
        var target = new NpgsqlConnectionStringBuilder(postgresConnectionString);
        var targetStorage = new StorageOptions { Provider = nameof(StoreProvider.Postgres), ConnectionString = target.ConnectionString };
        var where = $"{target.Host}/{target.Database}";

        var tables = new List<CopyTable>();
        var migrations = new List<(string History, IReadOnlyList<string> Expected)>();
        foreach (var context in contexts)
        {
            await using var sqliteContext = context.Create(sourceStorage);
            await using var postgresContext = context.Create(targetStorage);
            tables.AddRange(CopyTable.FromModels(sqliteContext.Model, postgresContext.Model));
            migrations.Add((SourceCheck.HistoryTable(sqliteContext), [.. sqliteContext.Database.GetMigrations()]));
        }

        await using var sqlite = new SqliteConnection(sourceStorage.ConnectionString);
        var sourceRows = await SourceCheck.CountRowsAsync(sqlite, path, tables, migrations, cancellationToken);

        await using var dataSource = NpgsqlDataSource.Create(target.ConnectionString);
        await using var postgres = await TargetCheck.OpenAsync(dataSource, where, cancellationToken);
        var resumed = await TargetCheck.EnsureEmptyOrSameCopyAsync(postgres, where, path, tables, sourceRows, cancellationToken);
        foreach (var context in contexts)
        {
            await using var db = context.Create(targetStorage);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!resumed)
        {
            await RecordSourceAsync(postgres, tables, sourceRows, cancellationToken);
        }

        foreach (var table in tables)
        {
            await CopyTableAsync(sqlite, postgres, table, sourceRows[table.PostgresName], onChunk, cancellationToken);
        }

        await MoveIdentitiesPastCopiedRowsAsync(postgres, tables, cancellationToken);
        // Fresh statistics, so the first dashboards plan their queries on the copied data rather than on empty tables.
        await ExecuteAsync(postgres, "ANALYZE", cancellationToken);
        return await CountTargetAsync(postgres, tables, sourceRows, cancellationToken);
    }

    private static async Task RecordSourceAsync(NpgsqlConnection postgres, IReadOnlyList<CopyTable> tables, IReadOnlyDictionary<string, long> sourceRows, CancellationToken cancellationToken)
    {
        await using var transaction = await postgres.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(postgres, $"CREATE TABLE {ProgressTable} (tablename text PRIMARY KEY, sourcerows bigint NOT NULL, copiedrows bigint NOT NULL)", cancellationToken);
        foreach (var table in tables)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {ProgressTable} VALUES (@table, @rows, 0)", postgres);
            insert.Parameters.AddWithValue("table", table.PostgresName);
            insert.Parameters.AddWithValue("rows", sourceRows[table.PostgresName]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CopyTableAsync(
        SqliteConnection sqlite, NpgsqlConnection postgres, CopyTable table, long total, Action<CopiedChunk>? onChunk, CancellationToken cancellationToken)
    {
        await using var copiedQuery = new NpgsqlCommand($"SELECT copiedrows FROM {ProgressTable} WHERE tablename = @table", postgres);
        copiedQuery.Parameters.AddWithValue("table", table.PostgresName);
        var copied = (long)(await copiedQuery.ExecuteScalarAsync(cancellationToken))!;
        if (copied >= total)
        {
            return;
        }

        await using var select = sqlite.CreateCommand();
        select.CommandText = table.SelectSql(copied);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var chunk = new List<object?[]>(Math.Min(chunkRows, 100_000));
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[table.Columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = table.Columns[i].Read(reader, i);
            }

            chunk.Add(row);
            if (chunk.Count == chunkRows)
            {
                copied = await WriteChunkAsync(postgres, table, chunk, copied, cancellationToken);
                onChunk?.Invoke(new CopiedChunk(table.PostgresName, copied, total));
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            copied = await WriteChunkAsync(postgres, table, chunk, copied, cancellationToken);
            onChunk?.Invoke(new CopiedChunk(table.PostgresName, copied, total));
        }
    }

    /// <summary>
    /// The tables with triggers of the store's own: members step <c>memberrowversions</c> and <c>joindayversions</c>, role
    /// spans <c>memberrolespanversions</c>, raw joins and leaves <c>membereventversions</c>, joins <c>joindayversions</c>.
    /// </summary>
    private static readonly FrozenSet<string> TriggeredTables = new[] { "members", "memberrolespans", "analyticsevents", "memberjoins" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>One chunk and the progress that counts it, in one transaction: both are there, or neither.</summary>
    private static async Task<long> WriteChunkAsync(NpgsqlConnection postgres, CopyTable table, List<object?[]> rows, long copied, CancellationToken cancellationToken)
    {
        await using var transaction = await postgres.BeginTransactionAsync(cancellationToken);
        // The store's own triggers (members step memberRowVersions, ...) describe the app's writes, not a copy: the copied
        // versions arrive as rows of their own. Off for this transaction only (DDL is transactional on PostgreSQL).
        var triggered = TriggeredTables.Contains(table.PostgresName);
        if (triggered)
        {
            await ExecuteAsync(postgres, $"ALTER TABLE {table.PostgresName} DISABLE TRIGGER USER", cancellationToken);
        }

        await using (var importer = await postgres.BeginBinaryImportAsync(table.CopySql(), cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        await importer.WriteAsync(value, table.Columns[i].PostgresType, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        if (triggered)
        {
            await ExecuteAsync(postgres, $"ALTER TABLE {table.PostgresName} ENABLE TRIGGER USER", cancellationToken);
        }

        await using var progress = new NpgsqlCommand($"UPDATE {ProgressTable} SET copiedrows = copiedrows + @rows WHERE tablename = @table", postgres);
        progress.Parameters.AddWithValue("rows", (long)rows.Count);
        progress.Parameters.AddWithValue("table", table.PostgresName);
        await progress.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copied + rows.Count;
    }

    /// <summary>Identity columns got their values from SQLite: the next row the app adds must number after them.</summary>
    private static async Task MoveIdentitiesPastCopiedRowsAsync(NpgsqlConnection postgres, IReadOnlyList<CopyTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.IsIdentity))
            {
                await ExecuteAsync(postgres,
                    $"SELECT setval(pg_get_serial_sequence('\"{table.PostgresName}\"', '{column.PostgresName}'), COALESCE(MAX(\"{column.PostgresName}\"), 0) + 1, false) FROM \"{table.PostgresName}\"",
                    cancellationToken);
            }
        }
    }

    private static async Task<IReadOnlyList<CopiedTable>> CountTargetAsync(
        NpgsqlConnection postgres, IReadOnlyList<CopyTable> tables, IReadOnlyDictionary<string, long> sourceRows, CancellationToken cancellationToken)
    {
        var counted = new List<CopiedTable>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table.PostgresName}\"", postgres);
            var rows = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            counted.Add(new CopiedTable(table.PostgresName, sourceRows[table.PostgresName], rows));
        }

        if (counted.FirstOrDefault(t => t.SourceRows != t.TargetRows) is { } differs)
        {
            throw new StoreCopyRefusedException(
                $"Table {differs.Table}: {differs.SourceRows:N0} rows in the SQLite store, {differs.TargetRows:N0} in PostgreSQL after the copy.");
        }

        return counted;
    }

    private static async Task ExecuteAsync(NpgsqlConnection postgres, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, postgres);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
