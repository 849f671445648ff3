using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// The members each guild has forgotten (<c>memberPrivacy</c> rows with choice <c>forgotten</c>): every event from them
/// is dropped before it touches the store. The writer's in-memory copy, loaded per guild on first use and kept in step
/// with every forget it writes, like <see cref="ReactionBlocks"/>: the check runs for every event, a query per event
/// would cost more than the event. Part of the writer, not thread-safe; reset (and loaded again) when a batch
/// rolls back.
/// </summary>
internal sealed class ForgottenMembers(IngestionStatements sql)
{
    private readonly Dictionary<long, HashSet<long>> _forgotten = [];

    public bool Contains(long guild, long user) => Of(guild).Contains(user);

    public void Add(long guild, long user) => Of(guild).Add(user);

    public void Reset() => _forgotten.Clear();

    private HashSet<long> Of(long guild)
    {
        if (!_forgotten.TryGetValue(guild, out var users))
        {
            users = [];
            foreach (var row in sql.SelectForgottenMembers.Rows(guild))
            {
                users.Add(row.User);
            }

            _forgotten[guild] = users;
        }

        return users;
    }
}
