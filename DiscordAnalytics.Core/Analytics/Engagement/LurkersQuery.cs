using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// Lurkers of a window (<see cref="LurkerCount"/>): members present in it who were active on none of its days.
/// <list type="bullet">
/// <item>Known members are the member rows (GUILD_CREATE's members when the members intent is granted, joins, leaves,
/// reactors Discord names) plus everyone active in the window (authors, reactors, members heard in voice).</item>
/// <item>A row is present in the window when one of the stays it tells of overlaps it: the stay since the latest join
/// (or since always, with no join known) when the member has not left since, and the stay that ended with the latest
/// leave (from the latest join when it came before that leave, else from always). Only the latest join and leave are
/// kept, so an earlier stay is not known.</item>
/// <item>Active as engagement counts it: posted, reacted or talked with others in voice on a UTC day of the window
/// (the member days in memory). Bots only with IncludeBots; hidden members count; forgotten members have no row and
/// no member days.</item>
/// </list>
/// </summary>
public sealed class LurkersQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays)
{
    public async Task<LurkerCount> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, bots) = ((long)query.GuildId, query.IncludeBots);
        var (start, end) = (query.Window.StartDay, query.Window.EndDay);
        var (startAt, endAt) = (query.Window.StartAt, query.Window.EndAt);
        List<long> present;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            present = await db.Members.AsNoTracking()
                .Where(m => m.GuildId == guild && (bots || !m.IsBot) && (
                    // Still in since the latest join (or since always), which came before the window's end.
                    ((m.LeftAt == null || m.JoinedAt > m.LeftAt) && (m.JoinedAt == null || m.JoinedAt < endAt))
                    // The stay that ended with the latest leave, after the window's start; it began before its end.
                    || (m.LeftAt != null && m.LeftAt > startAt && (m.JoinedAt == null || m.JoinedAt > m.LeftAt || m.JoinedAt < endAt))))
                .Select(m => m.UserId)
                .ToListAsync(cancellationToken);
        }

        var (active, presentActive) = await memberDays.ReadAsync(guild, start, end, g =>
        {
            var sums = g.Sums(start, end, bots);
            var both = present.Count(user => g.TryIndexOf(user, out var member) && member < sums.Members && sums.IsActive(member));
            return ((long)sums.ActiveCount, (long)both);
        }, cancellationToken);

        var known = present.Count + active - presentActive;
        var lurkers = present.Count - presentActive;
        return new LurkerCount(lurkers, known == 0 ? null : Math.Round((double)lurkers / known, 3), known);
    }
}
