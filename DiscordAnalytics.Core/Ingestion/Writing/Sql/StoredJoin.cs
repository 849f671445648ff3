namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectMemberJoins"/>: a member's latest join and first post after it.</summary>
internal readonly record struct StoredJoin(long User, long JoinedAt, long? FirstPostAt) : IStatementRow<StoredJoin>
{
    public static StoredJoin Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64(1), row.GetInt64OrNull(2));
}
