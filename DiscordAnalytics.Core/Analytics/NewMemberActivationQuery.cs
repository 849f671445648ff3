using DiscordAnalytics.Core.Analytics.Roles;
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
/// <item>Counted message: created (not a tombstone), not deleted, with <c>joinedAt &lt;= createdAt &lt; joinedAt + period</c>
/// (24 h or 7 × 24 h, end exclusive). A bot member's messages are a bot's, so they count only with IncludeBots, like
/// the member.</item>
/// <item>A member whose period ends after now (TimeProvider) is pending for that period: in neither the
/// denominator nor the numerator.</item>
/// </list>
/// </summary>
/// <remarks>
/// One row per new member: the ingestion writer keeps each member's first post of their first week
/// (<c>members.firstPostAt</c>, see <c>Ingestion/MemberActivation</c>): set by the create that is earlier than the one
/// known, looked up again at a join among messages already stored after it, and again when that first post is deleted.
/// Reading the new members' first weeks of messages instead cost ~400 ms for a year of the demo community.
/// </remarks>
public sealed class NewMemberActivationQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, RoleHolders roleHolders)
{
    public const long OneDayMs = DayBucket.MillisecondsPerDay;

    public const long SevenDaysMs = 7 * DayBucket.MillisecondsPerDay;

    public async Task<NewMemberActivation> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var members = await db.Members
            .Where(m => m.GuildId == guild && m.JoinedAt >= startAt && m.JoinedAt < endAt && (bots || !m.IsBot))
            .Select(m => new { m.UserId, JoinedAt = m.JoinedAt!.Value, m.FirstPostAt })
            .ToListAsync(cancellationToken);
        if (await roleHolders.OfQueryAsync(query, startAt, endAt, cancellationToken) is { } holders)
        {
            members = [.. members.Where(m => holders.Contains(m.UserId))];
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return new NewMemberActivation(
            members.Count,
            Rate(OneDayMs),
            Rate(SevenDaysMs));

        ActivationRate Rate(long period)
        {
            var ended = members.Where(m => m.JoinedAt + period <= now).ToList();
            var posted = ended.Count(m => m.FirstPostAt < m.JoinedAt + period);
            return ActivationRate.FromCounts(ended.Count, posted, members.Count - ended.Count);
        }
    }
}
