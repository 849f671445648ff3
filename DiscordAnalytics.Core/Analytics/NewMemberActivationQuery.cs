using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// New-member activation of a window (summary <c>activation</c>, the Members card): of the members who joined in
/// the window, how many posted within 24 hours and within 7 days of joining.
/// <list type="bullet">
/// <item>New members: <c>members.joinedAt</c> in the window; bots only with IncludeBots. A member who left is
/// still a new member (leaving silent is what activation measures).</item>
/// <item>Rejoins: members keeps only the latest join, so a member who joined, left and rejoined counts once, by
/// the latest join: it decides both whether they are new in the window and when their periods start. Messages
/// from before that join (an earlier stay) never count.</item>
/// <item>Counted message: created (not a tombstone), not deleted, human unless IncludeBots, with
/// <c>joinedAt &lt;= createdAt &lt; joinedAt + period</c> (24 h or 7 × 24 h, end exclusive).</item>
/// <item>A member whose period ends after now (TimeProvider) is pending for that period: in neither the
/// denominator nor the numerator.</item>
/// </list>
/// </summary>
/// <remarks>
/// Message facts are read per new member, only the days [joinDay, joinDay + 7] of the (guildId, day) index (one
/// correlated MIN per member), so the cost follows the number of new members and their first week, not the
/// length of the window. No rollup holds "first message after join", and adding one would cost a write per
/// message at ingestion.
/// </remarks>
public sealed class NewMemberActivationQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public const long OneDayMs = DayBucket.MillisecondsPerDay;

    public const long SevenDaysMs = 7 * DayBucket.MillisecondsPerDay;

    public async Task<NewMemberActivation> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        const long dayMs = DayBucket.MillisecondsPerDay;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var members = await db.Members
            .Where(m => m.GuildId == guild && m.JoinedAt >= startAt && m.JoinedAt < endAt && (bots || !m.IsBot))
            .Select(m => new
            {
                JoinedAt = m.JoinedAt!.Value,
                FirstPostAt = db.MessageFacts
                    .Where(f => f.GuildId == guild
                        && f.Day >= m.JoinedAt!.Value / dayMs && f.Day <= m.JoinedAt!.Value / dayMs + 7
                        && f.AuthorId == m.UserId && f.CreatedAt >= m.JoinedAt!.Value
                        && f.IsCreated && f.DeletedAt == null && (bots || !f.IsBot))
                    .Min(f => (long?)f.CreatedAt),
            })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return new NewMemberActivation(
            members.Count,
            Rate(OneDayMs),
            Rate(SevenDaysMs));

        ActivationRate Rate(long period)
        {
            var ended = members.Where(m => m.JoinedAt + period <= now).ToList();
            var posted = ended.Count(m => m.FirstPostAt < m.JoinedAt + period);
            return ActivationRate.Of(ended.Count, posted, members.Count - ended.Count);
        }
    }
}
