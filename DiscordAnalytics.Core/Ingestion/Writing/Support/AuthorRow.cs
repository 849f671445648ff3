using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A row of <see cref="SupportSql.SelectPreviousAuthor"/>.</summary>
internal readonly record struct AuthorRow(long AuthorId) : IStatementRow<AuthorRow>
{
    public static AuthorRow Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
