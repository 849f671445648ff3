using System.Data.Common;

namespace DiscordAnalytics.Core.Ingestion.Writing.Joins;

/// <summary>The writer's prepared statements on <c>memberJoins</c>, bound to its one connection (<see cref="JoinSql"/>).</summary>
internal sealed class JoinStatements(DbConnection connection) : IDisposable
{
    public PreparedStatement InsertJoin { get; } = PreparedStatement.Create(connection, JoinSql.InsertJoin);

    public PreparedStatement CloseEarlierStays { get; } = PreparedStatement.Create(connection, JoinSql.CloseEarlierStays);

    public PreparedStatement Leave { get; } = PreparedStatement.Create(connection, JoinSql.Leave);

    public PreparedStatement SetFirstPost { get; } = PreparedStatement.Create(connection, JoinSql.SetFirstPost);

    public PreparedStatement EarlierStayPosted { get; } = PreparedStatement.Create(connection, JoinSql.EarlierStayPosted);

    public PreparedStatement EarlierStayPostDeleted { get; } = PreparedStatement.Create(connection, JoinSql.EarlierStayPostDeleted);

    public PreparedStatement Attribute { get; } = PreparedStatement.Create(connection, JoinSql.Attribute);

    public PreparedStatement DeleteJoinsOfUser { get; } = PreparedStatement.Create(connection, JoinSql.DeleteJoinsOfUser);

    public void Dispose()
    {
        InsertJoin.Dispose();
        CloseEarlierStays.Dispose();
        Leave.Dispose();
        SetFirstPost.Dispose();
        EarlierStayPosted.Dispose();
        EarlierStayPostDeleted.Dispose();
        Attribute.Dispose();
        DeleteJoinsOfUser.Dispose();
    }
}
