namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// A row of the day-version steps (<see cref="IngestionSql.BumpMemberDayVersion"/>, <see cref="IngestionSql.BumpMemberDayVersionsOfUser"/>,
/// <see cref="IngestionSql.BumpChannelDayVersion"/>): a day and its version after the change.
/// </summary>
internal readonly record struct VersionedDay(int Day, long Version) : IStatementRow<VersionedDay>
{
    public static VersionedDay Read(PreparedStatement.Cursor row) => new(row.GetInt32(0), row.GetInt64(1));
}
