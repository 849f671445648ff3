using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>A row of <see cref="VoiceSql.SelectSessions"/>.</summary>
internal readonly record struct StoredVoiceSession(long User, long Channel, bool IsBot, bool Muted, long StartedAt, long AccountedAt, long SeenAt)
    : IStatementRow<StoredVoiceSession>
{
    public static StoredVoiceSession Read(PreparedStatement.Cursor row) =>
        new(row.GetInt64(0), row.GetInt64(1), row.GetBoolean(2), row.GetBoolean(3), row.GetInt64(4), row.GetInt64(5), row.GetInt64(6));
}
