using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.MarkMessageDeleted"/>: the message a delete marked (author null for a tombstone of a forgotten member).</summary>
internal readonly record struct DeletedMessage(long Channel, int Day, long? Author, bool IsBot, bool IsCreated, long CreatedAt, MessageKinds? Kinds, int Length, string? Emojis) : IStatementRow<DeletedMessage>
{
    public static DeletedMessage Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt32(1), row.GetInt64OrNull(2), row.GetBoolean(3), row.GetBoolean(4), row.GetInt64(5), StoredKinds.Read(row, 6), (int)(row.GetInt64OrNull(7) ?? 0), row.GetStringOrNull(8));
}
