using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The writer's prepared statements, bound to its one connection.</summary>
internal sealed class IngestionStatements(SqliteConnection c) : IDisposable
{
    public PreparedStatement InsertEvent { get; } = new(c, IngestionSql.InsertEvent);
    public PreparedStatement UpsertGuild { get; } = new(c, IngestionSql.UpsertGuild);
    public PreparedStatement TouchGuild { get; } = new(c, IngestionSql.TouchGuild);
    public PreparedStatement UpsertChannel { get; } = new(c, IngestionSql.UpsertChannel);
    public PreparedStatement SelectChannels { get; } = new(c, IngestionSql.SelectChannels);
    public PreparedStatement UpsertMember { get; } = new(c, IngestionSql.UpsertMember);
    public PreparedStatement MemberJoined { get; } = new(c, IngestionSql.MemberJoined);
    public PreparedStatement MemberLeft { get; } = new(c, IngestionSql.MemberLeft);
    public PreparedStatement InsertMessageFact { get; } = new(c, IngestionSql.InsertMessageFact);
    public PreparedStatement FillTombstone { get; } = new(c, IngestionSql.FillTombstone);
    public PreparedStatement UpdateMessageFact { get; } = new(c, IngestionSql.UpdateMessageFact);
    public PreparedStatement MarkMessageDeleted { get; } = new(c, IngestionSql.MarkMessageDeleted);
    public PreparedStatement InsertTombstone { get; } = new(c, IngestionSql.InsertTombstone);
    public PreparedStatement AddReactionFact { get; } = new(c, IngestionSql.AddReactionFact);
    public PreparedStatement RefreshReactionFact { get; } = new(c, IngestionSql.RefreshReactionFact);
    public PreparedStatement RemoveReactionFact { get; } = new(c, IngestionSql.RemoveReactionFact);
    public PreparedStatement ReactionFactExists { get; } = new(c, IngestionSql.ReactionFactExists);
    public PreparedStatement RecordReactionRemoval { get; } = new(c, IngestionSql.RecordReactionRemoval);
    public PreparedStatement RecordReactionClear { get; } = new(c, IngestionSql.RecordReactionClear);
    public PreparedStatement SelectDeletedMessages { get; } = new(c, IngestionSql.SelectDeletedMessages);
    public PreparedStatement SelectReactionClears { get; } = new(c, IngestionSql.SelectReactionClears);
    public PreparedStatement RemoveReactionFactsOfMessage { get; } = new(c, IngestionSql.RemoveReactionFactsOfMessage);
    public PreparedStatement RemoveReactionFactsOfEmoji { get; } = new(c, IngestionSql.RemoveReactionFactsOfEmoji);
    public PreparedStatement DeleteReactionFactsOfMessage { get; } = new(c, IngestionSql.DeleteReactionFactsOfMessage);
    public PreparedStatement AddChannelDaily { get; } = new(c, IngestionSql.AddChannelDaily);
    public PreparedStatement SelectChannelDayQuarterHours { get; } = new(c, IngestionSql.SelectChannelDayQuarterHours);

    public PreparedStatement SetChannelDayQuarterHours { get; } = new(c, IngestionSql.SetChannelDayQuarterHours);
    public PreparedStatement AddMemberDaily { get; } = new(c, IngestionSql.AddMemberDaily);
    public PreparedStatement AddGuildDaily { get; } = new(c, IngestionSql.AddGuildDaily);
    public PreparedStatement AddTopContent { get; } = new(c, IngestionSql.AddTopContent);
    public PreparedStatement DropEmptyTopContent { get; } = new(c, IngestionSql.DropEmptyTopContent);
    public PreparedStatement DropKeywordDay { get; } = new(c, IngestionSql.DropKeywordDay);
    public PreparedStatement CountIdentifiedReactors { get; } = new(c, IngestionSql.CountIdentifiedReactors);
    public PreparedStatement SelectReactionCount { get; } = new(c, IngestionSql.SelectReactionCount);
    public PreparedStatement NewestReactionSnapshot { get; } = new(c, IngestionSql.NewestReactionSnapshot);
    public PreparedStatement UpsertReactionCount { get; } = new(c, IngestionSql.UpsertReactionCount);
    public PreparedStatement TakeAnonymousReactionBefore { get; } = new(c, IngestionSql.TakeAnonymousReactionBefore);
    public PreparedStatement TakeAnonymousReactionAfter { get; } = new(c, IngestionSql.TakeAnonymousReactionAfter);
    public PreparedStatement DeleteReactionCountsOfMessage { get; } = new(c, IngestionSql.DeleteReactionCountsOfMessage);
    public PreparedStatement DeleteReactionCountsOfEmoji { get; } = new(c, IngestionSql.DeleteReactionCountsOfEmoji);
    public PreparedStatement SelectForgottenMembers { get; } = new(c, IngestionSql.SelectForgottenMembers);
    public PreparedStatement RecordForgotten { get; } = new(c, IngestionSql.RecordForgotten);
    public PreparedStatement SelectMessagesOfAuthor { get; } = new(c, IngestionSql.SelectMessagesOfAuthor);
    public PreparedStatement TombstoneMessagesOfAuthor { get; } = new(c, IngestionSql.TombstoneMessagesOfAuthor);
    public PreparedStatement DeleteReactionFactsOfUser { get; } = new(c, IngestionSql.DeleteReactionFactsOfUser);
    public PreparedStatement SelectThreadsStartedBy { get; } = new(c, IngestionSql.SelectThreadsStartedBy);
    public PreparedStatement DeleteMemberDailyOfUser { get; } = new(c, IngestionSql.DeleteMemberDailyOfUser);
    public PreparedStatement DeleteMemberOfUser { get; } = new(c, IngestionSql.DeleteMemberOfUser);
    public PreparedStatement DeleteRawEventsOfUser { get; } = new(c, IngestionSql.DeleteRawEventsOfUser);
    public PreparedStatement DeleteDeadLettersOfUser { get; } = new(c, IngestionSql.DeleteDeadLettersOfUser);
    public PreparedStatement SelectMemberJoins { get; } = new(c, IngestionSql.SelectMemberJoins);
    public PreparedStatement SelectFirstPost { get; } = new(c, IngestionSql.SelectFirstPost);
    public PreparedStatement SetFirstPost { get; } = new(c, IngestionSql.SetFirstPost);

    private IEnumerable<PreparedStatement> All =>
    [
        InsertEvent, UpsertGuild, TouchGuild, UpsertChannel, SelectChannels, UpsertMember, MemberJoined, MemberLeft,
        InsertMessageFact, FillTombstone, UpdateMessageFact, MarkMessageDeleted, InsertTombstone, AddReactionFact,
        RefreshReactionFact, RemoveReactionFact, ReactionFactExists, RecordReactionRemoval, RecordReactionClear, SelectDeletedMessages, SelectReactionClears, RemoveReactionFactsOfMessage, RemoveReactionFactsOfEmoji, DeleteReactionFactsOfMessage, AddChannelDaily, SelectChannelDayQuarterHours, SetChannelDayQuarterHours, AddMemberDaily,
        AddGuildDaily, AddTopContent, DropEmptyTopContent, DropKeywordDay, CountIdentifiedReactors, SelectReactionCount,
        UpsertReactionCount, TakeAnonymousReactionBefore, TakeAnonymousReactionAfter, DeleteReactionCountsOfMessage,
        DeleteReactionCountsOfEmoji, NewestReactionSnapshot,
        SelectForgottenMembers, RecordForgotten, SelectMessagesOfAuthor, TombstoneMessagesOfAuthor, DeleteReactionFactsOfUser, SelectThreadsStartedBy, DeleteMemberDailyOfUser, DeleteMemberOfUser, DeleteRawEventsOfUser, DeleteDeadLettersOfUser,
        SelectMemberJoins, SelectFirstPost, SetFirstPost,
    ];

    public void Dispose()
    {
        foreach (var statement in All)
        {
            statement.Dispose();
        }
    }
}
