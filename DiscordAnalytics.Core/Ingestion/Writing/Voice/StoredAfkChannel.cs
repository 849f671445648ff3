using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>A row of <see cref="VoiceSql.SelectAfkChannel"/>: 0 when the guild has none.</summary>
internal readonly record struct StoredAfkChannel(long Channel) : IStatementRow<StoredAfkChannel>
{
    public static StoredAfkChannel Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
