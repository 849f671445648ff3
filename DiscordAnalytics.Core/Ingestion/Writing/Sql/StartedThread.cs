namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectThreadsStartedBy"/>: a thread a member being forgotten started, and the channel it counts for.</summary>
internal readonly record struct StartedThread(long CreatedAt, bool IsBot, long CountedChannel) : IStatementRow<StartedThread>
{
    public static StartedThread Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetBoolean(1), row.GetInt64(2));
}
