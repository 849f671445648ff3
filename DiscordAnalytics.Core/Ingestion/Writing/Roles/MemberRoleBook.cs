using System.Data.Common;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>
/// Roles and who holds them, as spans with times. A member's role list is state observed at a time: the set is diffed
/// against the member's open spans (a role gone closes its span then, a new one opens one), and an observation no newer
/// than the member's last one changes nothing (a duplicate, or one that arrived late). A leave closes every open span.
/// On PostgreSQL the batch's members' states are read in one statement at its start and kept up to date in memory
/// while the batch writes them (<see cref="RoleStatesOnPostgres"/>); on SQLite, and for a member whose kept state a
/// role's delete made unknown, every read is one key lookup. Nothing is kept past the batch, so nothing needs
/// resetting after a rollback.
/// </summary>
internal sealed class MemberRoleBook(DbConnection connection) : IDisposable
{
    private readonly RoleStatements _sql = new(connection);

    /// <summary>The batch's members' states as the batch's statements leave them (PostgreSQL only; empty on SQLite).</summary>
    private readonly Dictionary<(long Guild, long User), RoleState> _known = [];

    /// <summary>Reads the role state of every member <paramref name="events"/> observe or see leave: one round trip, nothing on SQLite.</summary>
    public void BeginBatch(IReadOnlyList<IngestEvent> events)
    {
        _known.Clear();
        if (connection is not NpgsqlConnection npgsql)
        {
            return;
        }

        var members = new HashSet<(long Guild, long User)>();
        foreach (var e in events)
        {
            if (e is { UserId: { } user } && (e.Type == IngestEventType.MemberRemove || (e.Type is IngestEventType.MemberAdd or IngestEventType.MemberUpsert && e.RoleIds is not null)))
            {
                members.Add(((long)e.GuildId, (long)user));
            }
        }

        foreach (var (key, state) in RoleStatesOnPostgres.Read(npgsql, members))
        {
            _known[key] = state;
        }
    }

    public void UpsertRole(long guild, long role, string name, RoleDetails details, long at) =>
        _sql.UpsertRole.Defer(guild, role, name, details.Color, details.Position, details.Managed, at);

    public void DeleteRole(long guild, long role, long at)
    {
        // Closes spans of many members, depending on when each opened: their kept states are read again.
        DropKept(guild);
        _sql.DeleteRole.Defer(guild, role, at);
        _sql.CloseSpansOfRole.Defer(guild, role, at);
    }

    /// <summary>A full role list was upserted at <paramref name="at"/>: the roles it did not name are deleted then.</summary>
    public void DeleteUnlistedRoles(long guild, long at)
    {
        DropKept(guild);
        _sql.CloseSpansOfUnlistedRoles.Defer(guild, at);
        _sql.DeleteUnlistedRoles.Defer(guild, at);
    }

    /// <summary>
    /// The member holds exactly <paramref name="roles"/> at <paramref name="at"/>. <paramref name="joined"/>: the list is
    /// the one they joined with, so roles in it are gains even when it is the first we see of them.
    /// </summary>
    public void Observe(long guild, long user, IReadOnlyList<ulong> roles, long at, bool joined)
    {
        var (seenAt, open) = State(guild, user);
        if (seenAt >= at)
        {
            return;
        }

        var now = new HashSet<long>(roles.Select(r => (long)r));
        foreach (var gone in open.Where(r => !now.Contains(r)))
        {
            _sql.CloseSpan.Defer(guild, user, gone, at);
        }

        var firstSeen = seenAt is null && !joined;
        foreach (var added in now.Where(r => !open.Contains(r)))
        {
            _sql.OpenSpan.Defer(guild, user, added, at, firstSeen);
        }

        _sql.SetSeenAt.Defer(guild, user, at);
        Kept(guild, user, new RoleState(at, now));
    }

    /// <summary>The member left at <paramref name="at"/>: every role they held ends then.</summary>
    public void Left(long guild, long user, long at)
    {
        var seenAt = _known.TryGetValue((guild, user), out var known) ? known.SeenAt : _sql.SelectSeenAt.FirstOrNullValue(guild, user);
        if (seenAt >= at)
        {
            return;
        }

        _sql.CloseSpansOfMember.Defer(guild, user, at);
        _sql.SetSeenAt.Defer(guild, user, at);
        Kept(guild, user, new RoleState(at, []));
    }

    public void Snapshot(long guild, long at) => _sql.RecordSnapshot.Defer(guild, at);

    /// <summary>A forgotten member held no role, ever.</summary>
    public void Forget(long guild, long user)
    {
        _sql.DeleteSpansOfUser.Defer(guild, user);
        _sql.DeleteStateOfUser.Defer(guild, user);
        Kept(guild, user, RoleState.None());
    }

    /// <summary>The member's state: the kept one, or read from the store (after the queued statements, so as they leave it).</summary>
    private RoleState State(long guild, long user)
    {
        if (_known.TryGetValue((guild, user), out var known))
        {
            return known;
        }

        var state = RoleState.None();
        foreach (var row in _sql.SelectRoleState.Rows(guild, user))
        {
            state = state with { SeenAt = row.SeenAt };
            if (row.Role is { } role)
            {
                state.Open.Add(role);
            }
        }

        return state;
    }

    /// <summary>What the batch's statements leave of a member's state, for a member whose state is kept.</summary>
    private void Kept(long guild, long user, RoleState state)
    {
        if (_known.ContainsKey((guild, user)))
        {
            _known[(guild, user)] = state;
        }
    }

    /// <summary>Every kept state of <paramref name="guild"/> is unknown from now on.</summary>
    private void DropKept(long guild)
    {
        foreach (var key in _known.Keys.Where(k => k.Guild == guild).ToList())
        {
            _known.Remove(key);
        }
    }

    public void Dispose() => _sql.Dispose();
}
