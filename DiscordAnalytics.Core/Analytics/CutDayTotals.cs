using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The previous window's cut day read whole once, each counted item with the first cut that includes it, so the
/// totals of the day's first hours at any cut are a prefix (<see cref="At"/>) and a cut that moves with the clock reads
/// nothing. Counted as <see cref="PartialDayTotals"/> counts (a message before the cut by its id and creation time, a
/// reaction by its message's id, a delete by its time and its message's id, threads, joins and counted leaves by their
/// time). Kept while it is current: the items while the day's channel and member rollups stand at the versions they were
/// read at (every message, reaction, delete, thread or forget on the day steps one of them), the joins and leaves
/// while the guild's member rows stand (<c>memberRowVersions</c>: every counted join or leave changes a member row).
/// </summary>
internal sealed class CutDayTotals
{
    private long[] _messages = [];
    private long[] _reactions = [];
    private long[] _anonymousAt = [];
    private long[] _anonymousBefore = [0];
    private long[] _deleted = [];
    private long[] _threads = [];
    private (long At, long User)[] _active = [];
    private (long At, long User)[] _reactors = [];
    private CutDayMembership? _membership;

    private CutDayTotals(int day, bool bots, long channelVersion, long memberVersion)
    {
        (Day, Bots, ChannelVersion, MemberVersion) = (day, bots, channelVersion, memberVersion);
    }

    public int Day { get; }

    public bool Bots { get; }

    /// <summary>The day's channel-day version its items were read at.</summary>
    public long ChannelVersion { get; }

    /// <summary>The day's member-day version its items were read at.</summary>
    public long MemberVersion { get; }

    /// <summary>Whether its joins and leaves were read at the guild's member-row version <paramref name="rowVersion"/>.</summary>
    public bool HoldsMembership(long rowVersion) => _membership?.RowVersion == rowVersion;

    public bool HoldsItems(int day, bool bots, long channelVersion, long memberVersion) =>
        Day == day && Bots == bots && ChannelVersion == channelVersion && MemberVersion == memberVersion;

    /// <summary>
    /// Reads the day's items whole. The versions are the ones seen before reading, so what is read is never older than
    /// them: a commit in between only makes the next call read the day again.
    /// </summary>
    public static async Task<CutDayTotals> ReadItemsAsync(AnalyticsDbContext db, long guild, int day, bool bots, long channelVersion, long memberVersion, CancellationToken cancellationToken)
    {
        var (dayStart, dayEnd) = (DayBucket.StartMs(day), DayBucket.StartMs(day + 1));
        var (firstId, endId) = (MessageIdRange.FirstIdAt(dayStart), MessageIdRange.FirstIdAt(dayEnd));
        var read = new CutDayTotals(day, bots, channelVersion, memberVersion);

        var messages = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId)
            .Where(m => m.Day == day && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && (bots || !m.IsBot))
            .Select(m => new { m.MessageId, m.CreatedAt, Author = m.AuthorId!.Value })
            .ToListAsync(cancellationToken);
        var reactions = await db.ReactionFacts
            .Where(r => r.GuildId == guild && r.MessageId >= firstId && r.MessageId < endId)
            .Where(r => r.Day == day && r.RemovedAt == null && (bots || !r.IsBot))
            .Select(r => new { r.MessageId, r.UserId })
            .ToListAsync(cancellationToken);
        var anonymous = await db.ReactionCounts
            .Where(r => r.GuildId == guild && r.MessageId >= firstId && r.MessageId < endId && r.Day == day)
            .Select(r => new { r.MessageId, r.AnonymousCount })
            .ToListAsync(cancellationToken);
        var deleted = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.DeletedAt != null && m.MessageId < endId)
            .Where(m => m.DeletedAt >= dayStart && m.DeletedAt < dayEnd && m.ChannelId != 0 && (bots || !m.IsBot))
            .Select(m => new { m.MessageId, DeletedAt = m.DeletedAt!.Value })
            .ToListAsync(cancellationToken);
        var threads = await db.AnalyticsEvents
            .Where(e => e.GuildId == guild && e.EventType == StoredEventTypes.ThreadCreate && e.EventAt >= dayStart && e.EventAt < dayEnd && (bots || !e.IsBot))
            .Select(e => e.EventAt)
            .ToListAsync(cancellationToken);

        // A message counts from the first cut past both its id's time and its creation time; a reaction from its message id's.
        var messageAt = messages.Select(m => (At: Math.Max(MessageIdRange.CreatedAt(m.MessageId), m.CreatedAt) + 1, m.Author)).ToList();
        var reactionAt = reactions.Select(r => (At: MessageIdRange.CreatedAt(r.MessageId) + 1, User: r.UserId)).ToList();
        read._messages = Sorted(messageAt.Select(m => m.At));
        read._reactions = Sorted(reactionAt.Select(r => r.At));
        var counts = anonymous.Where(a => a.AnonymousCount != 0).OrderBy(a => a.MessageId).ToList();
        read._anonymousAt = [.. counts.Select(a => MessageIdRange.CreatedAt(a.MessageId) + 1)];
        read._anonymousBefore = new long[counts.Count + 1];
        for (var i = 0; i < counts.Count; i++)
        {
            read._anonymousBefore[i + 1] = read._anonymousBefore[i] + counts[i].AnonymousCount;
        }

        read._deleted = Sorted(deleted.Select(d => Math.Max(MessageIdRange.CreatedAt(d.MessageId), d.DeletedAt) + 1));
        read._threads = Sorted(threads.Select(t => t + 1));
        read._active = Earliest(messageAt.Select(m => (m.At, User: m.Author)).Concat(reactionAt));
        read._reactors = Earliest(reactionAt);
        return read;
    }

    /// <summary>Reads the day's joins and counted leaves whole, at the guild's member-row version <paramref name="rowVersion"/>.</summary>
    public async Task ReadMembershipAsync(AnalyticsDbContext db, long guild, long rowVersion, CancellationToken cancellationToken)
    {
        var (dayStart, dayEnd) = (DayBucket.StartMs(Day), DayBucket.StartMs(Day + 1));
        var bots = Bots;
        var joins = await db.AnalyticsEvents
            .Where(e => e.GuildId == guild && e.KeyAt >= dayStart && e.KeyAt < dayEnd && e.EventType == StoredEventTypes.MemberAdd && (bots || !e.IsBot))
            .Select(e => e.KeyAt)
            .ToListAsync(cancellationToken);
        var leaves = await PartialDayTotals.CountedLeavesAsync(db, guild, dayStart, dayEnd, bots, cancellationToken);
        _membership = new CutDayMembership(Sorted(joins.Select(j => j + 1)), Sorted(leaves.Select(l => l + 1)), rowVersion);
    }

    /// <summary>The totals of the day's first hours, up to <paramref name="cutAt"/> (excluded); the member sets as new sets.</summary>
    public PartialDayTotals At(long cutAt)
    {
        var membership = _membership ?? throw new InvalidOperationException("The cut day's joins and leaves are not read.");
        var anonymous = _anonymousBefore[Included(_anonymousAt, cutAt)];
        return new PartialDayTotals(
            Included(_messages, cutAt),
            Included(_reactions, cutAt) + anonymous,
            Included(_threads, cutAt),
            Included(_deleted, cutAt),
            Included(membership.Joins, cutAt),
            Included(membership.Leaves, cutAt),
            Users(_active, cutAt),
            Users(_reactors, cutAt));
    }

    /// <summary>How many of the sorted first cuts <paramref name="from"/> include <paramref name="cutAt"/> (are at or before it).</summary>
    private static int Included(long[] from, long cutAt)
    {
        var (low, high) = (0, from.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = from[middle] <= cutAt ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private static HashSet<long> Users((long At, long User)[] from, long cutAt)
    {
        var users = new HashSet<long>();
        foreach (var (at, user) in from)
        {
            if (at > cutAt)
            {
                break;
            }

            users.Add(user);
        }

        return users;
    }

    private static long[] Sorted(IEnumerable<long> times)
    {
        var sorted = times.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Each user's first cut, sorted by it.</summary>
    private static (long At, long User)[] Earliest(IEnumerable<(long At, long User)> items) =>
        [.. items.GroupBy(i => i.User).Select(g => (At: g.Min(i => i.At), User: g.Key)).OrderBy(i => i.At)];
}
