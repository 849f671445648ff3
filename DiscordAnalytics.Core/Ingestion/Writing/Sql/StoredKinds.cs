using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>Reads a message fact's kinds column: null for a message stored before kinds were measured.</summary>
internal static class StoredKinds
{
    public static MessageKinds? Read(PreparedStatement.Cursor row, int column) =>
        row.GetInt64OrNull(column) is { } kinds ? (MessageKinds)kinds : null;
}
