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

        var holders = new Dictionary<long, HashSet<long>>();
        var (gained, lost) = (new int[query.Window.Length], new int[query.Window.Length]);
        foreach (var (role, span) in held.ByRole.Where(r => only == null || r.Key == only).SelectMany(r => r.Value.Where(s => s.Overlaps(startAt, endAt)).Select(s => (r.Key, s))))
        {
            if (!holders.TryGetValue(role, out var users))
            {
                holders[role] = users = [];
            }

            users.Add(span.User);
            if (span.FromAt >= startAt && !span.HeldWhenFirstSeen)
            {
                gained[DayBucket.FromUnixMs(span.FromAt) - query.Window.StartDay]++;
            }

            if (span.ToAt is { } to && to < endAt)
            {
                lost[DayBucket.FromUnixMs(to) - query.Window.StartDay]++;
            }
        }

        var (start, end, bots) = (query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var activity = await memberDays.ReadAsync(guild, start, end, g =>
        {
            var sums = g.Sums(start, end, bots);
            return holders.ToDictionary(h => h.Key, h =>
            {
                var (active, messages, reactions) = (0, 0L, 0L);
                foreach (var user in h.Value)
                {
                    if (g.TryIndexOf(user, out var member))
                    {
                        var (m, r, _) = sums.Of(member);
                        (messages, reactions) = (messages + m, reactions + r);
                        active += sums.IsActive(member) ? 1 : 0;
                    }
                }

                return (Active: active, Messages: messages, Reactions: reactions);
            });
        }, cancellationToken);

        var stats = roles
            .Where(r => !r.Deleted || holders.ContainsKey(r.RoleId))
            .Select(r =>
            {
                var (active, messages, reactions) = activity.GetValueOrDefault(r.RoleId);
                return new RoleStat(r.RoleId.ToString(System.Globalization.CultureInfo.InvariantCulture), Names.OrId(r.Name, r.RoleId),
                    holders.GetValueOrDefault(r.RoleId)?.Count ?? 0, active, messages, reactions);
            })
            .OrderByDescending(r => r.Members).ThenBy(r => long.Parse(r.RoleId, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var changes = Enumerable.Range(0, query.Window.Length)
            .Select(i => new RoleChangeDay(DayBucket.ToDate(start + i), gained[i], lost[i]))
            .ToList();
        return new RolesSummary(stats, changes, exactFrom);
    }
}
