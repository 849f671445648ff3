using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A row of <see cref="SupportSql.SelectThreadMessages"/> and <see cref="SupportSql.SelectThreadOrigin"/>.</summary>
internal readonly record struct ThreadMessage(long MessageId, long? AuthorId, bool IsBot, long CreatedAt, bool IsGone) : IStatementRow<ThreadMessage>
{
    public static ThreadMessage Read(PreparedStatement.Cursor row) =>
        new(row.GetInt64(0), row.GetInt64OrNull(1), row.GetBoolean(2), row.GetInt64(3), row.GetBoolean(4));

    /// <summary>Time order, the message id breaking ties.</summary>
    public bool IsBefore(ThreadMessage other) => CreatedAt < other.CreatedAt || (CreatedAt == other.CreatedAt && MessageId < other.MessageId);
}
