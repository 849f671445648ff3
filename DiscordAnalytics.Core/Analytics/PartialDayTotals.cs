using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The totals of the first hours of one UTC day (midnight up to a cut), counted exactly the way the daily
/// rollups count the whole day, from what is stored per item: the rollups have no time of day.
/// <list type="bullet">
/// <item>Messages: present message facts created before the cut (the facts' key is the time-ordered message id, so this reads the span's messages only).</item>
/// <item>Reactions: present reactions (identified and anonymous) on the day's messages created before the cut, by message id range.</item>
/// <item>Active members and reactors: the authors and reactors of those.</item>
/// <item>Deleted: message facts deleted in the span (in a counted channel).</item>
/// <item>Threads, joins, leaves: raw events in the span; a leave counts only when its member was present, as the writer decides.</item>
/// </list>
/// Each message and reaction is also kept by member and by channel, for the member and channel cards' previous numbers.
/// </summary>
public sealed record PartialDayTotals(long Messages, long Reactions, long Threads, long Deleted, long Joins, long Leaves, IReadOnlySet<long> Active, IReadOnlySet<long> Reactors)
{
    public static PartialDayTotals Nothing { get; } = new(0, 0, 0, 0, 0, 0, new HashSet<long>(), new HashSet<long>());

    /// <summary>Messages per author (for the member cards' previous numbers).</summary>
    public IReadOnlyDictionary<long, long> MessagesBy { get; init; } = new Dictionary<long, long>();

    /// <summary>Identified reactions per reactor.</summary>
    public IReadOnlyDictionary<long, long> ReactionsBy { get; init; } = new Dictionary<long, long>();

    /// <summary>Messages per counted channel (a thread's count for its parent).</summary>
    public IReadOnlyDictionary<long, long> MessagesIn { get; init; } = new Dictionary<long, long>();

    /// <summary>Reactions (identified and anonymous) per counted channel.</summary>
    public IReadOnlyDictionary<long, long> ReactionsIn { get; init; } = new Dictionary<long, long>();

    public static async Task<PartialDayTotals> RunAsync(AnalyticsDbContext db, long guild, int day, long cutAt, bool bots, CancellationToken cancellationToken)
    {
        var dayStart = DayBucket.StartMs(day);
        var endId = MessageIdRange.FirstIdAt(cutAt);
        var items = await ItemsAsync(db, guild, day, cutAt, bots, cancellationToken);

        // A delete counts on the day it happened, for the message's channel (none for a delete that never said where).
        var deleted = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.DeletedAt != null && m.MessageId < endId)
            .Where(m => m.DeletedAt >= dayStart && m.DeletedAt < cutAt && m.ChannelId != 0 && (bots || !m.IsBot))
            .CountAsync(cancellationToken);

        var threads = await db.AnalyticsEvents
            .Where(e => e.GuildId == guild && e.EventType == StoredEventTypes.ThreadCreate && e.EventAt >= dayStart && e.EventAt < cutAt && (bots || !e.IsBot))
            .CountAsync(cancellationToken);

        var (joins, leaves) = await MembershipAsync(db, guild, day, cutAt, bots, cancellationToken);
        return items with { Deleted = deleted, Threads = threads, Joins = joins, Leaves = leaves };
    }

    /// <summary>Joins and leaves of the cut day's first hours only (member growth needs no more).</summary>
    public static async Task<(long Joins, long Leaves)> MembershipAsync(AnalyticsDbContext db, long guild, int day, long cutAt, bool bots, CancellationToken cancellationToken)
    {
        var dayStart = DayBucket.StartMs(day);

        // Joins and leaves are keyed by their own time, so the span is a key range.
        var joins = await db.AnalyticsEvents
            .Where(e => e.GuildId == guild && e.KeyAt >= dayStart && e.KeyAt < cutAt && e.EventType == StoredEventTypes.MemberAdd && (bots || !e.IsBot))
            .CountAsync(cancellationToken);
        return (joins, await LeavesAsync(db, guild, dayStart, cutAt, bots, cancellationToken));
    }

    /// <summary>
    /// What is counted per message and reaction only (messages, reactions, active members, reactors and their
    /// breakdowns by member and channel; no deletes, threads, joins or leaves): the member and channel cards need no more.
    /// </summary>
    public static async Task<PartialDayTotals> ItemsAsync(AnalyticsDbContext db, long guild, int day, long cutAt, bool bots, CancellationToken cancellationToken)
    {
        var (firstId, endId) = (MessageIdRange.FirstIdAt(DayBucket.StartMs(day)), MessageIdRange.FirstIdAt(cutAt));

        var authors = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId)
            .Where(m => m.Day == day && m.CreatedAt < cutAt && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && (bots || !m.IsBot))
            .Select(m => new { Author = m.AuthorId!.Value, m.ChannelId })
            .ToListAsync(cancellationToken);

        var reactors = await db.ReactionFacts
            .Where(r => r.GuildId == guild && r.MessageId >= firstId && r.MessageId < endId)
            .Where(r => r.Day == day && r.RemovedAt == null && (bots || !r.IsBot))
            .Select(r => new { r.UserId, r.ChannelId })
            .ToListAsync(cancellationToken);
        var anonymous = await db.ReactionCounts
            .Where(r => r.GuildId == guild && r.MessageId >= firstId && r.MessageId < endId && r.Day == day)
            .GroupBy(r => r.ChannelId)
            .Select(g => new { ChannelId = g.Key, Count = g.Sum(r => (long)r.AnonymousCount) })
            .ToListAsync(cancellationToken);

        var reactionsIn = reactors.CountBy(r => r.ChannelId).ToDictionary(x => x.Key, x => (long)x.Value);
        foreach (var channel in anonymous)
        {
            reactionsIn[channel.ChannelId] = reactionsIn.GetValueOrDefault(channel.ChannelId) + channel.Count;
        }

        return new PartialDayTotals(
            authors.Count,
            reactors.Count + anonymous.Sum(a => a.Count),
            Threads: 0,
            Deleted: 0,
            Joins: 0,
            Leaves: 0,
            authors.Select(a => a.Author).Concat(reactors.Select(r => r.UserId)).ToHashSet(),
            reactors.Select(r => r.UserId).ToHashSet())
        {
            MessagesBy = authors.CountBy(a => a.Author).ToDictionary(x => x.Key, x => (long)x.Value),
            ReactionsBy = reactors.CountBy(r => r.UserId).ToDictionary(x => x.Key, x => (long)x.Value),
            MessagesIn = authors.CountBy(a => a.ChannelId).ToDictionary(x => x.Key, x => (long)x.Value),
            ReactionsIn = reactionsIn,
        };
    }

    /// <summary>
    /// A leave carries no id, so each delivery is its own raw event, and it counts only when its member was present
    /// (never seen leaving, or joined since): replayed here over the raw joins and leaves of the span's leavers.
    /// </summary>
    private static async Task<long> LeavesAsync(AnalyticsDbContext db, long guild, long dayStart, long cutAt, bool bots, CancellationToken cancellationToken) =>
        (await CountedLeavesAsync(db, guild, dayStart, cutAt, bots, cancellationToken)).Count;

    /// <summary>The times of the leaves in [<paramref name="dayStart"/>, <paramref name="cutAt"/>) that count (<see cref="LeavesAsync"/>'s replay).</summary>
    internal static async Task<List<long>> CountedLeavesAsync(AnalyticsDbContext db, long guild, long dayStart, long cutAt, bool bots, CancellationToken cancellationToken)
    {
        var leavers = await db.AnalyticsEvents
            .Where(e => e.GuildId == guild && e.KeyAt >= dayStart && e.KeyAt < cutAt && e.EventType == StoredEventTypes.MemberRemove && (bots || !e.IsBot))
            .Select(e => e.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var counted = new List<long>();
        if (leavers.Count == 0)
        {
            return counted;
        }

        var history = await db.AnalyticsEvents
            .Where(e => e.GuildId == guild && e.KeyAt < cutAt && (e.EventType == StoredEventTypes.MemberAdd || e.EventType == StoredEventTypes.MemberRemove) && leavers.Contains(e.UserId))
            .Select(e => new { e.UserId, e.KeyAt, Join = e.EventType == StoredEventTypes.MemberAdd })
            .ToListAsync(cancellationToken);

        foreach (var member in history.GroupBy(e => e.UserId))
        {
            var present = true;
            foreach (var e in member.OrderBy(e => e.KeyAt).ThenBy(e => e.Join ? 0 : 1))
            {
                if (e.Join)
                {
                    present = true;
                }
                else if (present)
                {
                    present = false;
                    if (e.KeyAt >= dayStart)
                    {
                        counted.Add(e.KeyAt);
                    }
                }
            }
        }

        return counted;
    }
}
