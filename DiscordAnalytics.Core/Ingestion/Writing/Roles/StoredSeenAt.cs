using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>A row of <see cref="RoleSql.SelectSeenAt"/>.</summary>
internal readonly record struct StoredSeenAt(long SeenAt) : IStatementRow<StoredSeenAt>
{
    public static StoredSeenAt Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
