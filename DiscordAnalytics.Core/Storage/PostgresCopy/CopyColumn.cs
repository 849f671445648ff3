using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Storage.PostgresCopy;

/// <summary>
/// One property of an entity as each provider stores it: read from SQLite as SQLite's mapping wrote it, turned into the
/// entity's value (SQLite's converter), then into PostgreSQL's stored form (PostgreSQL's converter), so an enum stored
/// by name or a flag stored as 0/1 arrives as the app would have written it there.
/// </summary>
public sealed class CopyColumn
{
    private readonly Type _sqliteType;
    private readonly ValueConverter? _fromSqlite;
    private readonly ValueConverter? _toPostgres;

    public CopyColumn(string property, string sqliteName, string postgresName, Type sqliteType, ValueConverter? fromSqlite, Type postgresType, ValueConverter? toPostgres, bool isIdentity)
    {
        Property = property;
        SqliteName = sqliteName;
        PostgresName = postgresName;
        _sqliteType = Nullable.GetUnderlyingType(sqliteType) ?? sqliteType;
        _fromSqlite = fromSqlite;
        _toPostgres = toPostgres;
        var stored = Nullable.GetUnderlyingType(postgresType) ?? postgresType;
        PostgresType = BinaryType(stored) ?? throw new NotSupportedException($"Column {postgresName}: no binary COPY type for {stored.Name}.");
        IsIdentity = isIdentity;
    }

    public string Property { get; }

    public string SqliteName { get; }

    public string PostgresName { get; }

    /// <summary>How the value is encoded in the binary COPY stream (it must be the column's own type).</summary>
    public NpgsqlDbType PostgresType { get; }

    /// <summary>An identity column: its sequence is moved past the copied values afterwards.</summary>
    public bool IsIdentity { get; }

    /// <summary>The value at <paramref name="ordinal"/> of the SQLite row, in PostgreSQL's stored form (null for NULL).</summary>
    public object? Read(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object raw = _sqliteType switch
        {
            var t when t == typeof(long) => reader.GetInt64(ordinal),
            var t when t == typeof(int) => reader.GetInt32(ordinal),
            var t when t == typeof(short) => reader.GetInt16(ordinal),
            var t when t == typeof(bool) => reader.GetBoolean(ordinal),
            var t when t == typeof(double) => reader.GetDouble(ordinal),
            var t when t == typeof(string) => reader.GetString(ordinal),
            var t when t == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ => throw new NotSupportedException($"Column {SqliteName}: reading {_sqliteType.Name} from SQLite is not supported."),
        };
        var value = _fromSqlite is null ? raw : _fromSqlite.ConvertFromProvider(raw);
        return _toPostgres is null ? value : _toPostgres.ConvertToProvider(value);
    }

    private static NpgsqlDbType? BinaryType(Type stored) => stored switch
    {
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(short) => NpgsqlDbType.Smallint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        // text, and varchar(n) too: both have the same binary form.
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(byte[]) => NpgsqlDbType.Bytea,
        _ => null,
    };
}
