using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>A row of <see cref="VoiceSql.SelectVoiceDay"/>: read inside its <c>foreach</c> (the span points into the driver's memory).</summary>
internal readonly ref struct StoredVoiceQuarterHours(ReadOnlySpan<byte> milliseconds, ReadOnlySpan<byte> talkMilliseconds) : IStatementRow<StoredVoiceQuarterHours>
{
    public ReadOnlySpan<byte> Milliseconds { get; } = milliseconds;

    /// <summary>Talk time per quarter hour: empty on a row written before it was kept.</summary>
    public ReadOnlySpan<byte> TalkMilliseconds { get; } = talkMilliseconds;

    public static StoredVoiceQuarterHours Read(PreparedStatement.Cursor row) => new(row.GetBlob(0), row.GetBlob(1));
}
