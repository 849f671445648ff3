using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>A row of <see cref="RoleSql.SelectRoleState"/>: the member's last observation and one role they hold (each null when none).</summary>
internal readonly record struct StoredRoleState(long? SeenAt, long? Role) : IStatementRow<StoredRoleState>
{
    public static StoredRoleState Read(PreparedStatement.Cursor row) => new(row.GetInt64OrNull(0), row.GetInt64OrNull(1));
}
