using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// One table of a context as both providers name it, its columns, and its key (the order the copy reads SQLite in,
/// so a resumed copy skips exactly the rows already copied).
/// </summary>
public sealed class CopyTable
{
    private CopyTable(string sqliteName, string postgresName, IReadOnlyList<CopyColumn> columns, IReadOnlyList<string> sqliteKey)
    {
        SqliteName = sqliteName;
        PostgresName = postgresName;
        Columns = columns;
        SqliteKey = sqliteKey;
    }

    public string SqliteName { get; }

    public string PostgresName { get; }

    public IReadOnlyList<CopyColumn> Columns { get; }

    /// <summary>The primary key's columns in SQLite.</summary>
    public IReadOnlyList<string> SqliteKey { get; }

    /// <summary>The SQLite rows after the first <paramref name="skip"/>, in key order.</summary>
    public string SelectSql(long skip) =>
        $"SELECT {string.Join(", ", Columns.Select(c => Quote(c.SqliteName)))} FROM {Quote(SqliteName)} " +
        $"ORDER BY {string.Join(", ", SqliteKey.Select(Quote))} LIMIT -1 OFFSET {skip}";

    public string CopySql() =>
        $"COPY {Quote(PostgresName)} ({string.Join(", ", Columns.Select(c => Quote(c.PostgresName)))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// The tables of a context, matched property by property between its SQLite model and its PostgreSQL model (the
    /// same entity classes, named differently).
    /// </summary>
    public static IReadOnlyList<CopyTable> FromModels(IModel sqlite, IModel postgres)
    {
        var tables = new List<CopyTable>();
        foreach (var entity in sqlite.GetEntityTypes().Where(e => e.GetTableName() is not null).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var target = postgres.FindEntityType(entity.Name)
                ?? throw new InvalidOperationException($"Entity {entity.Name} has no PostgreSQL mapping.");
            var sqliteTable = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var postgresTable = StoreObjectIdentifier.Table(target.GetTableName()!, target.GetSchema());
            var columns = entity.GetProperties().Select(p =>
            {
                var q = target.FindProperty(p.Name) ?? throw new InvalidOperationException($"{entity.Name}.{p.Name} has no PostgreSQL mapping.");
                var fromSqlite = p.GetTypeMapping().Converter;
                var toPostgres = q.GetTypeMapping().Converter;
                return new CopyColumn(
                    p.Name,
                    p.GetColumnName(sqliteTable)!,
                    q.GetColumnName(postgresTable)!,
                    fromSqlite?.ProviderClrType ?? p.ClrType,
                    fromSqlite,
                    toPostgres?.ProviderClrType ?? q.ClrType,
                    toPostgres,
                    NpgsqlPropertyExtensions.GetValueGenerationStrategy(q) is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn);
            }).ToList();
            var key = entity.FindPrimaryKey()?.Properties.Select(p => p.GetColumnName(sqliteTable)!).ToList()
                ?? throw new InvalidOperationException($"Table {sqliteTable.Name} has no key to copy it in order.");
            tables.Add(new CopyTable(sqliteTable.Name, postgresTable.Name, columns, key));
        }

        return tables;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
