using System.Data.Common;

namespace DiscordAnalytics.Core.Ingestion.Writing.Invites;

/// <summary>The writer's prepared invite statements, bound to its one connection (beside <see cref="Sql.IngestionStatements"/>).</summary>
internal sealed class InviteStatements(DbConnection connection) : IDisposable
{
    public PreparedStatement UpsertInvite { get; } = PreparedStatement.Create(connection, InviteSql.UpsertInvite);

    public PreparedStatement DeleteInvite { get; } = PreparedStatement.Create(connection, InviteSql.DeleteInvite);

    public PreparedStatement DeleteUnseenInvites { get; } = PreparedStatement.Create(connection, InviteSql.DeleteUnseenInvites);

    public PreparedStatement SetInvitesStatus { get; } = PreparedStatement.Create(connection, InviteSql.SetInvitesStatus);

    public PreparedStatement AttributeJoin { get; } = PreparedStatement.Create(connection, InviteSql.AttributeJoin);

    public PreparedStatement ForgetInviter { get; } = PreparedStatement.Create(connection, InviteSql.ForgetInviter);

    public void Dispose()
    {
        UpsertInvite.Dispose();
        DeleteInvite.Dispose();
        DeleteUnseenInvites.Dispose();
        SetInvitesStatus.Dispose();
        AttributeJoin.Dispose();
        ForgetInviter.Dispose();
    }
}
