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
/// Read from the new members' member-days of their first weeks, not from their messages: each member-day with
/// messages names the member's earliest message of that day (<see cref="Storage.Entities.MemberDailyRollup.FirstMessageId"/>),
/// and the member's first post is the first of those, in day order, that is present and at or after the join (one
/// primary-key lookup each). Only a member-day whose earliest message was deleted or predates the join (a rejoin
/// on the same day) reads that day's messages. Reading the messages of the new members' first weeks instead cost
/// a scan of every message of the window (most of a second for a year of the demo community).
/// </remarks>
public sealed class NewMemberActivationQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public const long OneDayMs = DayBucket.MillisecondsPerDay;

    public const long SevenDaysMs = 7 * DayBucket.MillisecondsPerDay;

    /// <summary>Ids per lookup query (SQLite takes at most 32,766 parameters in one statement).</summary>
    private const int LookupChunk = 1_000;

    public async Task<NewMemberActivation> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var joins = await db.Members
            .Where(m => m.GuildId == guild && m.JoinedAt >= startAt && m.JoinedAt < endAt && (bots || !m.IsBot))
            .ToDictionaryAsync(m => m.UserId, m => m.JoinedAt!.Value, cancellationToken);
        var firstPosts = joins.Count == 0 ? [] : await FirstPostsAsync(db, guild, joins, bots, cancellationToken);

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

    /// <summary>Each new member's first counted message at or after their join, up to the end of their first week's last day.</summary>
    private static async Task<Dictionary<long, long>> FirstPostsAsync(AnalyticsDbContext db, long guild, Dictionary<long, long> joins, bool bots, CancellationToken cancellationToken)
    {
        var (firstDay, lastDay) = (DayBucket.Of(joins.Values.Min()), DayBucket.Of(joins.Values.Max()) + 7);
        var days = new List<(long User, int Day, long? FirstMessageId)>();
        foreach (var users in joins.Keys.Chunk(LookupChunk))
        {
            var rows = await db.MemberDailyRollups
                .Where(r => r.GuildId == guild && r.Day >= firstDay && r.Day <= lastDay && r.MessagesSent > 0 && (bots || !r.IsBot) && users.Contains(r.UserId))
                .Select(r => new { r.UserId, r.Day, r.FirstMessageId })
                .ToListAsync(cancellationToken);
            days.AddRange(rows
                .Where(r => r.Day >= DayBucket.Of(joins[r.UserId]) && r.Day <= DayBucket.Of(joins[r.UserId]) + 7)
                .Select(r => (r.UserId, r.Day, r.FirstMessageId)));
        }

        // Most new members who post do so on their first day with messages, whose earliest message is then their first
        // post: one lookup per member, for that day only. The rare rest read the day's messages.
        var byMember = days.GroupBy(d => d.User).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Day).ToList());
        var earliest = new Dictionary<long, (long CreatedAt, bool Counted)>();
        foreach (var ids in byMember.Values.Select(d => d[0].FirstMessageId).OfType<long>().Chunk(LookupChunk))
        {
            var facts = await db.MessageFacts
                .Where(f => f.GuildId == guild && ids.Contains(f.MessageId))
                .Select(f => new { f.MessageId, f.CreatedAt, Counted = f.IsCreated && f.DeletedAt == null && (bots || !f.IsBot) })
                .ToListAsync(cancellationToken);
            foreach (var fact in facts)
            {
                earliest[fact.MessageId] = (fact.CreatedAt, fact.Counted);
            }
        }

        var firstPosts = new Dictionary<long, long>();
        foreach (var (user, memberDays) in byMember)
        {
            var joinedAt = joins[user];
            foreach (var (_, day, firstMessageId) in memberDays)
            {
                long? first = firstMessageId is { } id && earliest.TryGetValue(id, out var fact) && fact.Counted && fact.CreatedAt >= joinedAt
                    ? fact.CreatedAt
                    : await FirstOfDayAsync(db, guild, user, day, joinedAt, bots, cancellationToken);
                if (first is { } at)
                {
                    firstPosts[user] = at;
                    break;
                }
            }
        }

        return firstPosts;
    }

    /// <summary>The member's first counted message of the day at or after the join, from the day's messages (the rare path).</summary>
    private static async Task<long?> FirstOfDayAsync(AnalyticsDbContext db, long guild, long user, int day, long joinedAt, bool bots, CancellationToken cancellationToken)
    {
        var (firstId, endId) = MessageIdRange.AroundDays(day, day + 1);
        return await db.MessageFacts
            .Where(f => f.GuildId == guild && f.MessageId >= firstId && f.MessageId < endId && f.Day == day && f.AuthorId == user
                && f.IsCreated && f.DeletedAt == null && (bots || !f.IsBot) && f.CreatedAt >= joinedAt)
            .MinAsync(f => (long?)f.CreatedAt, cancellationToken);
    }
}
