using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A row of <see cref="SupportSql.SelectChannelMessages"/>: a counted message of a channel (not in a thread).</summary>
internal readonly record struct ChannelMessage(long MessageId, long AuthorId, bool IsBot, long CreatedAt, long? ReferencedMessageId, bool StartedThread)
    : IStatementRow<ChannelMessage>
{
    public static ChannelMessage Read(PreparedStatement.Cursor row) =>
        new(row.GetInt64(0), row.GetInt64(1), row.GetBoolean(2), row.GetInt64(3), row.GetInt64OrNull(4), row.GetBoolean(5));
}
