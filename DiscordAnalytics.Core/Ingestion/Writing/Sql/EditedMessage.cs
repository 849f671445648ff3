namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.UpdateMessageFact"/>: the day of the message an edit changed.</summary>
internal readonly record struct EditedMessage(int Day) : IStatementRow<EditedMessage>
{
    public static EditedMessage Read(PreparedStatement.Cursor row) => new(row.GetInt32(0));
}
