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
/// One pass over the message facts of the new members' first weeks (the days from the earliest join to the
/// latest join + 7, over the (guildId, day) index, only rows by new members), keeping each member's first
/// message at or after their join. The cost follows the messages of those days, not the number of new
/// members (a lookup per member read the same days again for every member: minutes on a guild with
/// thousands of joins). No rollup holds "first message after join", and adding one would cost a write per
/// message at ingestion.
/// </remarks>
public sealed class NewMemberActivationQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public const long OneDayMs = DayBucket.MillisecondsPerDay;

    public const long SevenDaysMs = 7 * DayBucket.MillisecondsPerDay;

    public async Task<NewMemberActivation> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var joins = await db.Members
            .Where(m => m.GuildId == guild && m.JoinedAt >= startAt && m.JoinedAt < endAt && (bots || !m.IsBot))
            .ToDictionaryAsync(m => m.UserId, m => m.JoinedAt!.Value, cancellationToken);
        var firstPosts = new Dictionary<long, long>();
        if (joins.Count > 0)
        {
            var ids = joins.Keys.ToList();
            var (firstDay, lastDay) = (DayBucket.Of(joins.Values.Min()), DayBucket.Of(joins.Values.Max()) + 7);
            var (firstId, endId) = MessageIdRange.AroundDays(firstDay, lastDay + 1);
            var posts = db.MessageFacts
                .Where(f => f.GuildId == guild && f.MessageId >= firstId && f.MessageId < endId && f.Day >= firstDay && f.Day <= lastDay
                    && f.IsCreated && f.DeletedAt == null && (bots || !f.IsBot) && f.AuthorId != null && ids.Contains(f.AuthorId.Value))
                .Select(f => new { Author = f.AuthorId!.Value, f.CreatedAt })
                .AsAsyncEnumerable();
            await foreach (var post in posts.WithCancellation(cancellationToken))
            {
                if (post.CreatedAt >= joins[post.Author] && (!firstPosts.TryGetValue(post.Author, out var first) || post.CreatedAt < first))
                {
                    firstPosts[post.Author] = post.CreatedAt;
                }
            }
        }

        var members = joins.Select(j => (JoinedAt: j.Value, FirstPostAt: firstPosts.TryGetValue(j.Key, out var at) ? at : (long?)null)).ToList();
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
