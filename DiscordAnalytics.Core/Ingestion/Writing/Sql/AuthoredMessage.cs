using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectMessagesOfAuthor"/>: a message of a member being forgotten, as it stands before it becomes a tombstone.</summary>
internal readonly record struct AuthoredMessage(long Message, long Channel, int Day, bool IsBot, bool Counted, long CreatedAt, bool Present, MessageKinds? Kinds, int Length, string? Emojis) : IStatementRow<AuthoredMessage>
{
    public static AuthoredMessage Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64(1), row.GetInt32(2), row.GetBoolean(3), row.GetBoolean(4), row.GetInt64(5), row.GetBoolean(6), StoredKinds.Read(row, 7), (int)(row.GetInt64OrNull(8) ?? 0), row.GetStringOrNull(9));
}
