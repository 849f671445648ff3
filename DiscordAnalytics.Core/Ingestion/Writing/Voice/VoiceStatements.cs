using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>The writer's prepared voice statements, bound to its one connection (beside <see cref="IngestionStatements"/>).</summary>
internal sealed class VoiceStatements(DbConnection connection) : IDisposable
{
    public StatementQuery<StoredVoiceSession> SelectSessions { get; } = new(connection, VoiceSql.SelectSessions);

    public PreparedStatement UpsertSession { get; } = PreparedStatement.Create(connection, VoiceSql.UpsertSession);

    public StatementQuery<StoredAfkChannel> SelectAfkChannel { get; } = new(connection, VoiceSql.SelectAfkChannel);

    public PreparedStatement SetAfkChannel { get; } = PreparedStatement.Create(connection, VoiceSql.SetAfkChannel);

    public StatementQuery<StoredVoiceQuarterHours> SelectVoiceDay { get; } = new(connection, VoiceSql.SelectVoiceDay);

    public PreparedStatement AddVoiceDay { get; } = PreparedStatement.Create(connection, VoiceSql.AddVoiceDay);

    public PreparedStatement DeleteVoiceDaysOfUser { get; } = PreparedStatement.Create(connection, VoiceSql.DeleteVoiceDaysOfUser);

    public PreparedStatement DeleteSessionOfUser { get; } = PreparedStatement.Create(connection, VoiceSql.DeleteSessionOfUser);

    public void Dispose()
    {
        SelectSessions.Dispose();
        UpsertSession.Dispose();
        SelectAfkChannel.Dispose();
        SetAfkChannel.Dispose();
        SelectVoiceDay.Dispose();
        AddVoiceDay.Dispose();
        DeleteVoiceDaysOfUser.Dispose();
        DeleteSessionOfUser.Dispose();
    }
}
