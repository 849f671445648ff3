using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// The members each guild has forgotten (<c>memberPrivacy</c> rows with choice <c>forgotten</c>): every event from them
/// is dropped before it touches the store. The writer's in-memory copy (<see cref="PerGuild{T}"/>), kept in step with
/// every forget it writes: the check runs for every event, a query per event would cost more than the event.
/// </summary>
internal sealed class ForgottenMembers(IngestionStatements sql)
{
    private readonly PerGuild<HashSet<long>> _forgotten = new(guild =>
    {
        var users = new HashSet<long>();
        foreach (var row in sql.SelectForgottenMembers.Rows(guild))
        {
            users.Add(row.User);
        }

        return users;
    });

    public bool Contains(long guild, long user) => _forgotten.GetOrLoad(guild).Contains(user);

    public void Add(long guild, long user) => _forgotten.GetOrLoad(guild).Add(user);

    public void Reset() => _forgotten.Reset();
}
