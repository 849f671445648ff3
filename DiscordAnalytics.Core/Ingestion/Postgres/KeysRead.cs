using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// One statement that reads the rows of a batch's keys, the keys given as one array per column ($1, $2, ...: the
/// statement joins <c>unnest</c> of them), sent after the queued statements (<see cref="StatementPipeline.Query"/>):
/// one round trip for every key instead of one each.
/// </summary>
internal static class KeysRead
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="columns"/> as its array parameters; <paramref name="row"/> reads each row.</summary>
    public static void Run(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row, params (NpgsqlDbType Type, Array Values)[] columns)
    {
        NpgsqlBatchCommand Command()
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (type, values) in columns)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values });
            }

            return command;
        }

        var (batch, reader) = StatementPipeline.Of(connection).Query(Command);
        using (batch)
        using (reader)
        {
            while (reader.Read())
            {
                row(reader);
            }
        }
    }
}
