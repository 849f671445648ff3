using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>The prepared statements of <see cref="SupportSql"/>, bound to the writer's connection.</summary>
internal sealed class SupportStatements(DbConnection connection) : IDisposable
{
    public StatementQuery<MessagePlace> SelectPlace { get; } = new(connection, SupportSql.SelectPlace);
    public StatementQuery<RowCount> IsThread { get; } = new(connection, SupportSql.IsThread);
    public StatementQuery<ThreadMessage> SelectThreadOrigin { get; } = new(connection, SupportSql.SelectThreadOrigin);
    public StatementQuery<ThreadMessage> SelectThreadMessages { get; } = new(connection, SupportSql.SelectThreadMessages);
    public PreparedStatement UpsertThread { get; } = PreparedStatement.Create(connection, SupportSql.UpsertThread);
    public PreparedStatement DeleteThread { get; } = PreparedStatement.Create(connection, SupportSql.DeleteThread);
    public StatementQuery<AuthorRow> SelectPreviousAuthor { get; } = new(connection, SupportSql.SelectPreviousAuthor);
    public StatementQuery<ChannelMessage> SelectChannelMessages { get; } = new(connection, SupportSql.SelectChannelMessages);
    public StatementQuery<StoredQuestion> SelectQuestions { get; } = new(connection, SupportSql.SelectQuestions);
    public PreparedStatement DeleteQuestions { get; } = PreparedStatement.Create(connection, SupportSql.DeleteQuestions);
    public PreparedStatement UpsertQuestion { get; } = PreparedStatement.Create(connection, SupportSql.UpsertQuestion);
    public PreparedStatement SetAnswer { get; } = PreparedStatement.Create(connection, SupportSql.SetAnswer);
    public StatementQuery<SupportVersionRow> BumpVersion { get; } = new(connection, SupportSql.BumpVersion);

    public void Dispose()
    {
        SelectPlace.Dispose();
        IsThread.Dispose();
        SelectThreadOrigin.Dispose();
        SelectThreadMessages.Dispose();
        UpsertThread.Dispose();
        DeleteThread.Dispose();
        SelectPreviousAuthor.Dispose();
        SelectChannelMessages.Dispose();
        SelectQuestions.Dispose();
        DeleteQuestions.Dispose();
        UpsertQuestion.Dispose();
        SetAnswer.Dispose();
        BumpVersion.Dispose();
    }
}
