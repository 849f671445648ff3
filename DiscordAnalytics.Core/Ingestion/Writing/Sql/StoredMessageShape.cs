using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="KindSql.SelectMessageShape"/>: a message as an edit finds it, and whether it counts.</summary>
internal readonly record struct StoredMessageShape(int Day, bool IsBot, bool Counted, MessageKinds? Kinds, int Length, long? EditedAt, string? Emojis) : IStatementRow<StoredMessageShape>
{
    public static StoredMessageShape Read(PreparedStatement.Cursor row) =>
        new(row.GetInt32(0), row.GetBoolean(1), row.GetBoolean(2), StoredKinds.Read(row, 3), (int)(row.GetInt64OrNull(4) ?? 0), row.GetInt64OrNull(5), row.GetStringOrNull(6));
}
