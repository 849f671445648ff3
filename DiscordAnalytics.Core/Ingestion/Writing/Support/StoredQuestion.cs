using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A row of <see cref="SupportSql.SelectQuestions"/>: a question as stored before this batch.</summary>
internal readonly record struct StoredQuestion(long MessageId, long AuthorId, long AskedAt, long? AnsweredAt, long? AnswerMessageId) : IStatementRow<StoredQuestion>
{
    public static StoredQuestion Read(PreparedStatement.Cursor row) =>
        new(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64OrNull(3), row.GetInt64OrNull(4));
}
