using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>A row of <see cref="VoiceSql.SelectVoiceDay"/>: read inside its <c>foreach</c> (the span points into the driver's memory).</summary>
internal readonly ref struct StoredVoiceQuarterHours(ReadOnlySpan<byte> milliseconds) : IStatementRow<StoredVoiceQuarterHours>
{
    public ReadOnlySpan<byte> Milliseconds { get; } = milliseconds;

    public static StoredVoiceQuarterHours Read(PreparedStatement.Cursor row) => new(row.GetBlob(0));
}
