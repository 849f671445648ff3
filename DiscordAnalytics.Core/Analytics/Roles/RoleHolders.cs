using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// Who held which role in a window, from the role spans: a span counts when it began before the window ends and ended
/// after it began (or has not ended). One read of the guild's spans (or one role's, through the role index); no events.
/// </summary>
public static class RoleHolders
{
    /// <summary>The members who held <paramref name="role"/> at any time from <paramref name="startAt"/> to <paramref name="endAt"/> (excluded).</summary>
    public static async Task<HashSet<long>> OfRoleAsync(AnalyticsDbContext db, long guild, long role, long startAt, long endAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.MemberRoleSpans.AsNoTracking()
            .Where(s => s.GuildId == guild && s.RoleId == role && s.FromAt < endAt && (s.ToAt == null || s.ToAt > startAt))
            .Select(s => s.UserId)
            .ToListAsync(cancellationToken);
        return [.. users];
    }

    /// <summary>
    /// The holders of the query's role (<see cref="AnalyticsQuery.RoleId"/>) from <paramref name="startAt"/> to
    /// <paramref name="endAt"/>; null when the query asks about everyone.
    /// </summary>
    public static async Task<HashSet<long>?> OfQueryAsync(AnalyticsDbContext db, AnalyticsQuery query, long startAt, long endAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.RoleId is { } role ? await OfRoleAsync(db, (long)query.GuildId, (long)role, startAt, endAt, cancellationToken) : null;
    }

    /// <summary>Whether the guild has a role with that id (deleted ones included: their past holders can still be asked about).</summary>
    public static Task<bool> ExistsAsync(AnalyticsDbContext db, long guild, long role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Roles.AnyAsync(r => r.GuildId == guild && r.RoleId == role, cancellationToken);
    }
}
