using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// The prepared statements of <see cref="SupportSql"/>, bound to the writer's connection. The writes (threads' rows,
/// questions' rows and their answers) are <see cref="RollupStatement"/>s: on SQLite each row runs where it is added; on
/// PostgreSQL they are gathered and <see cref="SendWrites"/> queues each kind as one statement of arrays, so a bulk batch's
/// tens of thousands of question rows cost the server a few statements instead of one each.
/// </summary>
/// <remarks>
/// Gathering until <see cref="SendWrites"/> keeps the store's state right for every read in between: a channel's refresh
/// reads only that channel's questions and replaces only them, and a flush refreshes each channel and thread once (so each
/// row's key comes once per send, as PostgreSQL's multi-row upsert needs). A channel's questions are deleted before its
/// new ones are upserted (the deletes go first), and an answer set is to a question asked before the refresh's start,
/// which neither touches.
/// </remarks>
internal sealed class SupportStatements : IDisposable
{
    private const NpgsqlDbType Bigint = NpgsqlDbType.Bigint, Boolean = NpgsqlDbType.Boolean;

    public SupportStatements(DbConnection connection)
    {
        SelectPlace = new(connection, SupportSql.SelectPlace);
        IsThread = new(connection, SupportSql.IsThread);
        SelectThreadOrigin = new(connection, SupportSql.SelectThreadOrigin);
        SelectThreadMessages = new(connection, SupportSql.SelectThreadMessages);
        UpsertThread = new(connection, SupportSql.UpsertThread, null, Bigint, Bigint, Bigint, Bigint, Boolean, Boolean, Bigint, Bigint);
        DeleteThread = new(connection, SupportSql.DeleteThread, SupportSql.DeleteThreadRows, Bigint, Bigint);
        SelectPreviousAuthor = new(connection, SupportSql.SelectPreviousAuthor);
        SelectChannelMessages = new(connection, SupportSql.SelectChannelMessages);
        SelectQuestions = new(connection, SupportSql.SelectQuestions);
        DeleteQuestions = new(connection, SupportSql.DeleteQuestions, SupportSql.DeleteQuestionRows, Bigint, Boolean, Bigint, Bigint, Bigint, Bigint);
        UpsertQuestion = new(connection, SupportSql.UpsertQuestion, null, Bigint, Boolean, Bigint, Bigint, Bigint, Bigint, Bigint, Bigint);
        SetAnswer = new(connection, SupportSql.SetAnswer, SupportSql.SetAnswerRows, Bigint, Boolean, Bigint, Bigint, Bigint);
        BumpVersion = new(connection, SupportSql.BumpVersion);
    }

    public StatementQuery<MessagePlace> SelectPlace { get; }
    public StatementQuery<RowCount> IsThread { get; }
    public StatementQuery<ThreadMessage> SelectThreadOrigin { get; }
    public StatementQuery<ThreadMessage> SelectThreadMessages { get; }
    public RollupStatement UpsertThread { get; }
    public RollupStatement DeleteThread { get; }
    public StatementQuery<AuthorRow> SelectPreviousAuthor { get; }
    public StatementQuery<ChannelMessage> SelectChannelMessages { get; }
    public StatementQuery<StoredQuestion> SelectQuestions { get; }
    public RollupStatement DeleteQuestions { get; }
    public RollupStatement UpsertQuestion { get; }
    public RollupStatement SetAnswer { get; }
    public StatementQuery<SupportVersionRow> BumpVersion { get; }

    /// <summary>Rows gathered and not sent yet (PostgreSQL; always 0 on SQLite).</summary>
    public int PendingWrites => Writes.Sum(w => w.Pending);

    /// <summary>The writes in the order they are sent: a table's deletes before its upserts.</summary>
    private RollupStatement[] Writes => [DeleteThread, UpsertThread, DeleteQuestions, UpsertQuestion, SetAnswer];

    /// <summary>Queues the rows gathered since the last send (PostgreSQL); nothing on SQLite, where each ran when added.</summary>
    public void SendWrites()
    {
        foreach (var write in Writes)
        {
            write.Send();
        }
    }

    /// <summary>Forgets rows not sent: the batch is rolled back.</summary>
    public void ClearWrites()
    {
        foreach (var write in Writes)
        {
            write.Clear();
        }
    }

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
