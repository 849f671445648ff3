using System.Data.Common;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// The writer's prepared statements, bound to its one connection. A statement that returns rows is declared here with
/// its row type, the one place the two are paired.
/// </summary>
internal sealed class IngestionStatements : IDisposable
{
    private readonly List<IDisposable> _all = [];
    private readonly List<RollupStatement> _rollups = [];

    public IngestionStatements(DbConnection connection)
    {
        PreparedStatement Execute(string sql) => Add(PreparedStatement.Create(connection, sql));
        RollupStatement Rollup(string sql, string? multiRowSql, params NpgsqlDbType[] columns)
        {
            var statement = Add(new RollupStatement(connection, sql, multiRowSql, columns));
            _rollups.Add(statement);
            return statement;
        }

        const NpgsqlDbType Bigint = NpgsqlDbType.Bigint, Integer = NpgsqlDbType.Integer, Boolean = NpgsqlDbType.Boolean;
        const NpgsqlDbType Text = NpgsqlDbType.Text, Bytea = NpgsqlDbType.Bytea;
        StatementQuery<TRow> Query<TRow>(string sql)
            where TRow : IStatementRow<TRow>, allows ref struct => Add(new StatementQuery<TRow>(connection, sql));

        InsertEvent = Execute(IngestionSql.InsertEvent);
        UpsertGuild = Execute(IngestionSql.UpsertGuild);
        TouchGuild = Execute(IngestionSql.TouchGuild);
        UpsertChannel = Execute(IngestionSql.UpsertChannel);
        SelectChannels = Query<StoredChannel>(IngestionSql.SelectChannels);
        UpsertMember = Execute(IngestionSql.UpsertMember);
        MemberJoined = Execute(IngestionSql.MemberJoined);
        MemberLeft = Execute(IngestionSql.MemberLeft);
        InsertMessageFact = Execute(IngestionSql.InsertMessageFact);
        FillTombstone = Execute(IngestionSql.FillTombstone);
        UpdateMessageFact = Query<EditedMessage>(IngestionSql.UpdateMessageFact);
        EditMessageFact = Execute(IngestionSql.EditMessageFact);
        MarkMessageDeleted = Query<DeletedMessage>(IngestionSql.MarkMessageDeleted);
        MarkFactDeleted = Execute(IngestionSql.MarkFactDeleted);
        DropReactionFactsOfMessage = Execute(IngestionSql.DropReactionFactsOfMessage);
        DropReactionCountsOfMessage = Execute(IngestionSql.DropReactionCountsOfMessage);
        InsertTombstone = Execute(IngestionSql.InsertTombstone);
        AddReactionFact = Execute(IngestionSql.AddReactionFact);
        RefreshReactionFact = Execute(IngestionSql.RefreshReactionFact);
        RemoveReactionFact = Query<TakenReaction>(IngestionSql.RemoveReactionFact);
        TakeReactionFact = Execute(IngestionSql.TakeReactionFact);
        ReactionFactExists = Query<RowCount>(IngestionSql.ReactionFactExists);
        RecordReactionRemoval = Execute(IngestionSql.RecordReactionRemoval);
        RecordReactionClear = Execute(IngestionSql.RecordReactionClear);
        SelectDeletedMessages = Query<DeletedMessageId>(IngestionSql.SelectDeletedMessages);
        SelectReactionClears = Query<StoredReactionClear>(IngestionSql.SelectReactionClears);
        RemoveReactionFactsOfMessage = Query<TakenReaction>(IngestionSql.RemoveReactionFactsOfMessage);
        RemoveReactionFactsOfEmoji = Query<TakenReaction>(IngestionSql.RemoveReactionFactsOfEmoji);
        DeleteReactionFactsOfMessage = Query<TakenReaction>(IngestionSql.DeleteReactionFactsOfMessage);
        AddChannelDaily = Rollup(IngestionSql.AddChannelDaily, null, Bigint, Integer, Bigint, Boolean, Bigint, Bigint, Bigint, Bigint);
        SelectChannelDayQuarterHours = Query<StoredQuarterHours>(IngestionSql.SelectChannelDayQuarterHours);
        SetChannelDayQuarterHours = Rollup(IngestionSql.SetChannelDayQuarterHours, null, Bigint, Integer, Bigint, Boolean, Bytea);
        AddMemberDaily = Rollup(IngestionSql.AddMemberDaily, null, Bigint, Integer, Bigint, Boolean, Bigint, Bigint, Bigint, Bigint, Bigint);
        AddGuildDaily = Rollup(IngestionSql.AddGuildDaily, null, Bigint, Integer, Boolean, Bigint, Bigint);
        AddTopContent = Rollup(IngestionSql.AddTopContent, null, Bigint, Bigint, Integer, Bigint, Bigint, Bigint);
        DropEmptyTopContent = Rollup(IngestionSql.DropEmptyTopContent, IngestionSql.DropEmptyTopContentRows, Bigint, Bigint);
        SelectTopContentScores = Query<StoredContentScores>(IngestionSql.SelectTopContentScores);
        DropKeywordDay = Execute(IngestionSql.DropKeywordDay);
        BumpKeywordDayVersion = Execute(IngestionSql.BumpKeywordDayVersion);
        CountIdentifiedReactors = Query<RowCount>(IngestionSql.CountIdentifiedReactors);
        SelectReactionCount = Query<StoredReactionCount>(IngestionSql.SelectReactionCount);
        NewestReactionSnapshot = Query<NewestSnapshot>(IngestionSql.NewestReactionSnapshot);
        UpsertReactionCount = Execute(IngestionSql.UpsertReactionCount);
        TakeAnonymousReactionBefore = Query<TakenAnonymousReaction>(IngestionSql.TakeAnonymousReactionBefore);
        TakeAnonymousReactionAfter = Query<TakenAnonymousReaction>(IngestionSql.TakeAnonymousReactionAfter);
        DeleteReactionCountsOfMessage = Query<DeletedReactionCount>(IngestionSql.DeleteReactionCountsOfMessage);
        DeleteReactionCountsOfEmoji = Query<DeletedReactionCount>(IngestionSql.DeleteReactionCountsOfEmoji);
        SelectForgottenMembers = Query<ForgottenMemberId>(IngestionSql.SelectForgottenMembers);
        RecordForgotten = Execute(IngestionSql.RecordForgotten);
        SelectMessagesOfAuthor = Query<AuthoredMessage>(IngestionSql.SelectMessagesOfAuthor);
        TombstoneMessagesOfAuthor = Execute(IngestionSql.TombstoneMessagesOfAuthor);
        DeleteReactionFactsOfUser = Query<DeletedReactionOfMember>(IngestionSql.DeleteReactionFactsOfUser);
        SelectThreadsStartedBy = Query<StartedThread>(IngestionSql.SelectThreadsStartedBy);
        DeleteMemberDailyOfUser = Execute(IngestionSql.DeleteMemberDailyOfUser);
        BumpMemberDayVersion = Query<VersionedDay>(IngestionSql.BumpMemberDayVersion);
        BumpChannelDayVersion = Query<VersionedDay>(IngestionSql.BumpChannelDayVersion);
        BumpMemberDayVersionsOfUser = Query<VersionedDay>(IngestionSql.BumpMemberDayVersionsOfUser);
        DeleteMemberOfUser = Execute(IngestionSql.DeleteMemberOfUser);
        DeleteRawEventsOfUser = Execute(IngestionSql.DeleteRawEventsOfUser);
        DeleteDeadLettersOfUser = Execute(IngestionSql.DeleteDeadLettersOfUser);
        DeleteDeadLetter = Execute(IngestionSql.DeleteDeadLetter);
        SelectMemberJoins = Query<StoredJoin>(IngestionSql.SelectMemberJoins);
        SelectFirstPost = Query<FirstPost>(IngestionSql.SelectFirstPost);
        SetFirstPost = Execute(IngestionSql.SetFirstPost);
        AddMessageKindDay = Rollup(KindSql.AddMessageKindDay, null, Bigint, Integer, Boolean, Bigint, Bigint, Bigint, Bigint, Bigint, Bigint);
        AddEmojiDay = Rollup(KindSql.ReactionEmojis.Add, null, Bigint, Integer, Text, Boolean, Bigint);
        DropEmptyEmojiDay = Rollup(KindSql.ReactionEmojis.DropEmpty, KindSql.ReactionEmojis.DropEmptyRows, Bigint, Integer, Text, Boolean);
        AddContentEmojiDay = Rollup(KindSql.ContentEmojis.Add, null, Bigint, Integer, Text, Boolean, Bigint);
        DropEmptyContentEmojiDay = Rollup(KindSql.ContentEmojis.DropEmpty, KindSql.ContentEmojis.DropEmptyRows, Bigint, Integer, Text, Boolean);
        SelectMessageShape = Query<StoredMessageShape>(KindSql.SelectMessageShape);
        SetMessageShape = Execute(KindSql.SetMessageShape);
    }

    public PreparedStatement InsertEvent { get; }
    public PreparedStatement UpsertGuild { get; }
    public PreparedStatement TouchGuild { get; }
    public PreparedStatement UpsertChannel { get; }
    public StatementQuery<StoredChannel> SelectChannels { get; }
    public PreparedStatement UpsertMember { get; }
    public PreparedStatement MemberJoined { get; }
    public PreparedStatement MemberLeft { get; }
    public PreparedStatement InsertMessageFact { get; }
    public PreparedStatement FillTombstone { get; }
    public StatementQuery<EditedMessage> UpdateMessageFact { get; }

    /// <summary><see cref="UpdateMessageFact"/> when the writer knows what it changes (PostgreSQL: queued, see <c>AbsentFacts.KnowsEdit</c>).</summary>
    public PreparedStatement EditMessageFact { get; }
    public StatementQuery<DeletedMessage> MarkMessageDeleted { get; }
    public PreparedStatement MarkFactDeleted { get; }
    public PreparedStatement DropReactionFactsOfMessage { get; }
    public PreparedStatement DropReactionCountsOfMessage { get; }
    public PreparedStatement InsertTombstone { get; }
    public PreparedStatement AddReactionFact { get; }
    public PreparedStatement RefreshReactionFact { get; }
    public StatementQuery<TakenReaction> RemoveReactionFact { get; }
    public PreparedStatement TakeReactionFact { get; }
    public StatementQuery<RowCount> ReactionFactExists { get; }
    public PreparedStatement RecordReactionRemoval { get; }
    public PreparedStatement RecordReactionClear { get; }
    public StatementQuery<DeletedMessageId> SelectDeletedMessages { get; }
    public StatementQuery<StoredReactionClear> SelectReactionClears { get; }
    public StatementQuery<TakenReaction> RemoveReactionFactsOfMessage { get; }
    public StatementQuery<TakenReaction> RemoveReactionFactsOfEmoji { get; }
    public StatementQuery<TakenReaction> DeleteReactionFactsOfMessage { get; }
    public RollupStatement AddChannelDaily { get; }
    public StatementQuery<StoredQuarterHours> SelectChannelDayQuarterHours { get; }
    public RollupStatement SetChannelDayQuarterHours { get; }
    public RollupStatement AddMemberDaily { get; }
    public RollupStatement AddGuildDaily { get; }
    public RollupStatement AddTopContent { get; }
    public RollupStatement DropEmptyTopContent { get; }
    public StatementQuery<StoredContentScores> SelectTopContentScores { get; }
    public PreparedStatement DropKeywordDay { get; }
    public PreparedStatement BumpKeywordDayVersion { get; }
    public StatementQuery<RowCount> CountIdentifiedReactors { get; }
    public StatementQuery<StoredReactionCount> SelectReactionCount { get; }
    public StatementQuery<NewestSnapshot> NewestReactionSnapshot { get; }
    public PreparedStatement UpsertReactionCount { get; }
    public StatementQuery<TakenAnonymousReaction> TakeAnonymousReactionBefore { get; }
    public StatementQuery<TakenAnonymousReaction> TakeAnonymousReactionAfter { get; }
    public StatementQuery<DeletedReactionCount> DeleteReactionCountsOfMessage { get; }
    public StatementQuery<DeletedReactionCount> DeleteReactionCountsOfEmoji { get; }
    public StatementQuery<ForgottenMemberId> SelectForgottenMembers { get; }
    public PreparedStatement RecordForgotten { get; }
    public StatementQuery<AuthoredMessage> SelectMessagesOfAuthor { get; }
    public PreparedStatement TombstoneMessagesOfAuthor { get; }
    public StatementQuery<DeletedReactionOfMember> DeleteReactionFactsOfUser { get; }
    public StatementQuery<StartedThread> SelectThreadsStartedBy { get; }
    public PreparedStatement DeleteMemberDailyOfUser { get; }
    public StatementQuery<VersionedDay> BumpMemberDayVersion { get; }
    public StatementQuery<VersionedDay> BumpChannelDayVersion { get; }
    public StatementQuery<VersionedDay> BumpMemberDayVersionsOfUser { get; }
    public PreparedStatement DeleteMemberOfUser { get; }
    public PreparedStatement DeleteRawEventsOfUser { get; }
    public PreparedStatement DeleteDeadLettersOfUser { get; }
    public PreparedStatement DeleteDeadLetter { get; }
    public StatementQuery<StoredJoin> SelectMemberJoins { get; }
    public StatementQuery<FirstPost> SelectFirstPost { get; }
    public PreparedStatement SetFirstPost { get; }
    public RollupStatement AddMessageKindDay { get; }
    public RollupStatement AddEmojiDay { get; }
    public RollupStatement DropEmptyEmojiDay { get; }
    public RollupStatement AddContentEmojiDay { get; }
    public RollupStatement DropEmptyContentEmojiDay { get; }
    public StatementQuery<StoredMessageShape> SelectMessageShape { get; }
    public PreparedStatement SetMessageShape { get; }

    /// <summary>Forgets the rollup rows not sent yet: the batch is rolled back.</summary>
    public void ClearRollups()
    {
        foreach (var rollup in _rollups)
        {
            rollup.Clear();
        }
    }

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }

    private T Add<T>(T statement)
        where T : IDisposable
    {
        _all.Add(statement);
        return statement;
    }
}
