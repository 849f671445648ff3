namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// The members each guild has forgotten (<c>memberPrivacy</c> rows with choice <c>forgotten</c>): every event from them
/// is dropped before it touches the store. The writer's in-memory copy, loaded per guild on first use and kept in step
/// with every forget it writes, like <see cref="ReactionBlocks"/>: the check runs for every event, a query per event
/// would cost more than the event. Part of the writer, not thread-safe; forgotten (and loaded again) when a batch
/// rolls back.
/// </summary>
internal sealed class ForgottenMembers
{
    private readonly Dictionary<long, HashSet<long>> _forgotten = [];

    public bool Contains(IngestionStatements sql, long guild, long user) => ForgottenIn(sql, guild).Contains(user);

    public void Add(IngestionStatements sql, long guild, long user) => ForgottenIn(sql, guild).Add(user);

    public void Forget() => _forgotten.Clear();

    private HashSet<long> ForgottenIn(IngestionStatements sql, long guild)
    {
        if (!_forgotten.TryGetValue(guild, out var users))
        {
            users = [];
            using var reader = sql.SelectForgottenMembers.Query(guild);
            while (reader.Read())
            {
                users.Add(reader.GetInt64(0));
            }

            _forgotten[guild] = users;
        }

        return users;
    }
}
