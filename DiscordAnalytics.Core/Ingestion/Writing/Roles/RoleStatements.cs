using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>The writer's prepared role statements, bound to its one connection (beside <see cref="IngestionStatements"/>).</summary>
internal sealed class RoleStatements(DbConnection connection) : IDisposable
{
    public PreparedStatement UpsertRole { get; } = PreparedStatement.Create(connection, RoleSql.UpsertRole);

    public PreparedStatement DeleteRole { get; } = PreparedStatement.Create(connection, RoleSql.DeleteRole);

    public PreparedStatement CloseSpansOfRole { get; } = PreparedStatement.Create(connection, RoleSql.CloseSpansOfRole);

    public PreparedStatement CloseSpansOfUnlistedRoles { get; } = PreparedStatement.Create(connection, RoleSql.CloseSpansOfUnlistedRoles);

    public PreparedStatement DeleteUnlistedRoles { get; } = PreparedStatement.Create(connection, RoleSql.DeleteUnlistedRoles);

    public StatementQuery<StoredSeenAt> SelectSeenAt { get; } = new(connection, RoleSql.SelectSeenAt);

    public PreparedStatement SetSeenAt { get; } = PreparedStatement.Create(connection, RoleSql.SetSeenAt);

    public StatementQuery<StoredRoleState> SelectRoleState { get; } = new(connection, RoleSql.SelectRoleState);

    public PreparedStatement OpenSpan { get; } = PreparedStatement.Create(connection, RoleSql.OpenSpan);

    public PreparedStatement CloseSpan { get; } = PreparedStatement.Create(connection, RoleSql.CloseSpan);

    public PreparedStatement CloseSpansOfMember { get; } = PreparedStatement.Create(connection, RoleSql.CloseSpansOfMember);

    public PreparedStatement RecordSnapshot { get; } = PreparedStatement.Create(connection, RoleSql.RecordSnapshot);

    public PreparedStatement DeleteSpansOfUser { get; } = PreparedStatement.Create(connection, RoleSql.DeleteSpansOfUser);

    public PreparedStatement DeleteStateOfUser { get; } = PreparedStatement.Create(connection, RoleSql.DeleteStateOfUser);

    public void Dispose()
    {
        UpsertRole.Dispose();
        DeleteRole.Dispose();
        CloseSpansOfRole.Dispose();
        CloseSpansOfUnlistedRoles.Dispose();
        DeleteUnlistedRoles.Dispose();
        SelectSeenAt.Dispose();
        SetSeenAt.Dispose();
        SelectRoleState.Dispose();
        OpenSpan.Dispose();
        CloseSpan.Dispose();
        CloseSpansOfMember.Dispose();
        RecordSnapshot.Dispose();
        DeleteSpansOfUser.Dispose();
        DeleteStateOfUser.Dispose();
    }
}
