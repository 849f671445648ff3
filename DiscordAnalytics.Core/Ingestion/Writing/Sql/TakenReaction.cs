namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of the statements that take reactions of one message away (<see cref="IngestionSql.RemoveReactionFact"/>, <see cref="IngestionSql.RemoveReactionFactsOfMessage"/>, <see cref="IngestionSql.RemoveReactionFactsOfEmoji"/>, <see cref="IngestionSql.DeleteReactionFactsOfMessage"/>): whether it was present, so only what was counted is subtracted.</summary>
internal readonly record struct TakenReaction(long Reactor, long Channel, int Day, bool IsBot, bool WasPresent, string Emoji) : IStatementRow<TakenReaction>
{
    public static TakenReaction Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64(1), row.GetInt32(2), row.GetBoolean(3), row.GetBoolean(4), row.GetString(5));
}
