using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>
/// The Roles card: each role's holders in the window (from the role spans kept in memory, <see cref="RoleHolders"/>) and their activity, read from the member days
/// in memory (<see cref="MemberDayIndex"/>) by the holders' ids: the member's whole window counts, not only the time they
/// held the role. Holders are counted, never listed, so hidden members count like everywhere else; forgotten members'
/// spans are gone. With <see cref="AnalyticsQuery.RoleId"/> only that role is answered.
/// </summary>
public sealed class RolesQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, RoleHolders roleHolders)
{
    public async Task<RolesSummary> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var (startAt, endAt) = (query.Window.StartAt, query.Window.EndAt);
        var only = (long?)query.RoleId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking()
            .Where(r => r.GuildId == guild && (only == null || r.RoleId == only))
            .Select(r => new { r.RoleId, r.Name, r.Deleted })
            .ToListAsync(cancellationToken);
        var held = await roleHolders.SpansAsync(guild, cancellationToken);
        var exactFrom = await db.RoleSnapshots.AsNoTracking()
            .Where(s => s.GuildId == guild)
            .Select(s => (long?)s.FirstAt)
            .FirstOrDefaultAsync(cancellationToken);

        // Each role's holders and gains and losses are the kept spans', made once per window; their activity is kept per
        // holder set (HolderActivity), so a reload after a new message costs today's members, not every holder.
        var inWindow = held.InWindow(startAt, endAt).Where(r => only == null || r.Key == only).ToList();
        var holders = inWindow.ToDictionary(r => r.Key, r => r.Value.Holders);
        var (start, end, bots) = (query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var activity = await memberDays.ReadAsync(db, guild, start, end, g =>
        {
            var sums = g.Sums(start, end, bots);
            return inWindow.ToDictionary(r => r.Key, r => roleHolders.ActivityOf(r.Value.Holders).Of(g, sums));
        }, cancellationToken);

        var stats = roles
            .Where(r => !r.Deleted || holders.ContainsKey(r.RoleId))
            .Select(r =>
            {
                var (active, _, messages, reactions) = activity.GetValueOrDefault(r.RoleId);
                return new RoleStat(r.RoleId.ToString(System.Globalization.CultureInfo.InvariantCulture), Names.OrId(r.Name, r.RoleId),
                    holders.GetValueOrDefault(r.RoleId)?.Count ?? 0, active, messages, reactions);
            })
            .OrderByDescending(r => r.Members).ThenBy(r => long.Parse(r.RoleId, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var changes = Enumerable.Range(0, query.Window.Length)
            .Select(i => new RoleChangeDay(DayBucket.ToDate(start + i), inWindow.Sum(r => r.Value.Gained[i]), inWindow.Sum(r => r.Value.Lost[i])))
            .ToList();
        return new RolesSummary(stats, changes, exactFrom);
    }
}
