using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A row of <see cref="SupportSql.SelectPlace"/>.</summary>
internal readonly record struct MessagePlace(long Channel, long? Thread, long CreatedAt) : IStatementRow<MessagePlace>
{
    public static MessagePlace Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64OrNull(1), row.GetInt64(2));
}
