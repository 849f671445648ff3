using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A guild's support version after a step (<see cref="SupportSql.BumpVersion"/>).</summary>
internal readonly record struct SupportVersionRow(long Version) : IStatementRow<SupportVersionRow>
{
    public static SupportVersionRow Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
