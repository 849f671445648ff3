using System.Data.Common;

namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>
/// Roles and who holds them, as spans with times. A member's role list is state observed at a time: the set is diffed
/// against the member's open spans (a role gone closes its span then, a new one opens one), and an observation no newer
/// than the member's last one changes nothing (a duplicate, or one that arrived late). A leave closes every open span.
/// Holds no cache: every read is one key lookup, and nothing needs resetting after a rollback.
/// </summary>
internal sealed class MemberRoleBook(DbConnection connection) : IDisposable
{
    private readonly RoleStatements _sql = new(connection);

    public void UpsertRole(long guild, long role, string name, RoleDetails details, long at) =>
        _sql.UpsertRole.Defer(guild, role, name, details.Color, details.Position, details.Managed, at);

    public void DeleteRole(long guild, long role, long at)
    {
        _sql.DeleteRole.Defer(guild, role, at);
        _sql.CloseSpansOfRole.Defer(guild, role, at);
    }

    /// <summary>A full role list was upserted at <paramref name="at"/>: the roles it did not name are deleted then.</summary>
    public void DeleteUnlistedRoles(long guild, long at)
    {
        _sql.CloseSpansOfUnlistedRoles.Defer(guild, at);
        _sql.DeleteUnlistedRoles.Defer(guild, at);
    }

    /// <summary>
    /// The member holds exactly <paramref name="roles"/> at <paramref name="at"/>. <paramref name="joined"/>: the list is
    /// the one they joined with, so roles in it are gains even when it is the first we see of them.
    /// </summary>
    public void Observe(long guild, long user, IReadOnlyList<ulong> roles, long at, bool joined)
    {
        long? seenAt = null;
        var open = new HashSet<long>();
        foreach (var row in _sql.SelectRoleState.Rows(guild, user))
        {
            seenAt = row.SeenAt;
            if (row.Role is { } role)
            {
                open.Add(role);
            }
        }

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
    }

    /// <summary>The member left at <paramref name="at"/>: every role they held ends then.</summary>
    public void Left(long guild, long user, long at)
    {
        if (_sql.SelectSeenAt.FirstOrNullValue(guild, user) >= at)
        {
            return;
        }

        _sql.CloseSpansOfMember.Defer(guild, user, at);
        _sql.SetSeenAt.Defer(guild, user, at);
    }

    public void Snapshot(long guild, long at) => _sql.RecordSnapshot.Defer(guild, at);

    /// <summary>A forgotten member held no role, ever.</summary>
    public void Forget(long guild, long user)
    {
        _sql.DeleteSpansOfUser.Defer(guild, user);
        _sql.DeleteStateOfUser.Defer(guild, user);
    }

    public void Dispose() => _sql.Dispose();
}
