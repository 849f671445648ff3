namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectForgottenMembers"/>.</summary>
internal readonly record struct ForgottenMemberId(long User) : IStatementRow<ForgottenMemberId>
{
    public static ForgottenMemberId Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
