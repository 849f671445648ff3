using DiscordAnalytics.Core.Ingestion.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>
/// The role state of every member a batch observes or sees leave, read in one statement on PostgreSQL (sent with the
/// queued statements, after them) instead of one round trip per member: what <see cref="RoleSql.SelectRoleState"/>
/// reads for one member, for all of them. At the large community's start (200,000 members joining, each with roles)
/// that read was nearly every round trip of a batch.
/// </summary>
internal static class RoleStatesOnPostgres
{
    private const string Sql = """
        SELECT k.guildId, k.userId, s.seenAt, r.roleId
        FROM unnest($1::bigint[], $2::bigint[]) AS k(guildId, userId)
        LEFT JOIN memberRoleStates s ON s.guildId = k.guildId AND s.userId = k.userId
        LEFT JOIN memberRoleSpans r ON r.guildId = k.guildId AND r.userId = k.userId AND r.toAt IS NULL
        """;

    /// <summary>The state of each of <paramref name="members"/> (<see cref="RoleState.None"/> for one with nothing stored).</summary>
    public static Dictionary<(long Guild, long User), RoleState> Read(NpgsqlConnection connection, IReadOnlyCollection<(long Guild, long User)> members)
    {
        var states = new Dictionary<(long Guild, long User), RoleState>(members.Count);
        if (members.Count == 0)
        {
            return states;
        }

        var (guilds, users) = (new long[members.Count], new long[members.Count]);
        var i = 0;
        foreach (var (guild, user) in members)
        {
            (guilds[i], users[i]) = (guild, user);
            i++;
        }

        KeysRead.Run(
            connection,
            Sql,
            reader =>
            {
                var key = (reader.GetInt64(0), reader.GetInt64(1));
                if (!states.TryGetValue(key, out var state))
                {
                    state = new RoleState(reader.IsDBNull(2) ? null : reader.GetInt64(2), []);
                    states[key] = state;
                }

                if (!reader.IsDBNull(3))
                {
                    state.Open.Add(reader.GetInt64(3));
                }
            },
            (NpgsqlDbType.Bigint, guilds),
            (NpgsqlDbType.Bigint, users));
        return states;
    }
}
