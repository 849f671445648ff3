namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.DeleteReactionFactsOfUser"/>: a reaction of a member being forgotten, and whether it was present (counted).</summary>
internal readonly record struct DeletedReactionOfMember(long Message, long Channel, int Day, bool IsBot, bool WasPresent, string Emoji) : IStatementRow<DeletedReactionOfMember>
{
    public static DeletedReactionOfMember Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64(1), row.GetInt32(2), row.GetBoolean(3), row.GetBoolean(4), row.GetString(5));
}
