namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.BumpMemberDayVersion"/> and <see cref="IngestionSql.BumpMemberDayVersionsOfUser"/>: a member-rollup day and its version after the change.</summary>
internal readonly record struct VersionedMemberDay(int Day, long Version) : IStatementRow<VersionedMemberDay>
{
    public static VersionedMemberDay Read(PreparedStatement.Cursor row) => new(row.GetInt32(0), row.GetInt64(1));
}
