using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>A row of <see cref="RoleSql.SelectOpenRoles"/>.</summary>
internal readonly record struct StoredRoleId(long Role) : IStatementRow<StoredRoleId>
{
    public static StoredRoleId Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
