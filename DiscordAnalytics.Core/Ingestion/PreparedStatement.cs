using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// One reusable command with positional parameters (@p0..@pN). Prepared once per connection, so the hot
/// path only binds values.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        var count = 0;
        while (sql.Contains($"@p{count}", StringComparison.Ordinal))
        {
            count++;
        }

        _parameters = new SqliteParameter[count];
        for (var i = 0; i < count; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        }
    }

    public SqliteTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    public SqliteDataReader Query(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return _command.ExecuteReader();
    }

    public void Dispose() => _command.Dispose();

    private void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Statement takes {_parameters.Length} values, got {values.Length}.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
