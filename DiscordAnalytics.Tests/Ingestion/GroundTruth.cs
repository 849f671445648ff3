using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// The expected analytics of an event stream, computed directly from the stream by the rules of docs/how-it-counts.md,
/// independently of the store: dedupe by key, reactions as state (present when the latest add is newer
/// than the latest remove or clear, ties to the removal, whatever the arrival order), deletes subtract and
/// clear reactions, reactions count on their message's day, thread activity counts for the parent, bots excluded.
/// </summary>
public sealed class GroundTruth
{
    private readonly HashSet<string> _seen = [];
    private readonly Dictionary<ulong, ulong> _threadParents = [];
    private readonly Dictionary<ulong, Message> _messages = [];
    private readonly HashSet<ulong> _deleted = [];
    private readonly Dictionary<(ulong Message, string Emoji, ulong User), (long At, Reaction Reaction)> _latestAdds = [];
    private readonly Dictionary<(ulong Message, string Emoji, ulong User), long> _latestRemoves = [];
    private readonly Dictionary<(ulong Message, string Emoji), long> _latestClears = [];
    private readonly List<(ulong Channel, int Day, ulong? User, bool IsBot, long At)> _threads = [];
    private readonly List<(int Day, bool IsBot, bool Join, long At)> _membership = [];
    private readonly HashSet<ulong> _departed = [];
    private readonly List<(ulong User, long At, bool Join, bool IsBot)> _memberDeliveries = [];
    private readonly Dictionary<ulong, long> _joinedAt = [];
    private readonly List<(ulong Channel, int Day, bool IsBot, long At)> _deletes = [];

    public GroundTruth(IEnumerable<IngestEvent> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
    }

    public Totals TotalsFor(AnalyticsWindow w)
    {
        bool In(int day) => day >= w.StartDay && day < w.EndDay;
        var messages = CountedMessages().Where(m => In(m.Day)).ToList();
        var reactions = HumanReactions().Where(r => In(r.Value.Day)).ToList();
        return new Totals(
            messages.Count,
            reactions.Count,
            _threads.Count(t => !t.IsBot && In(t.Day)),
            messages.Select(m => m.Author).Concat(reactions.Select(r => r.Key.User)).Distinct().Count(),
            reactions.Select(r => r.Key.User).Distinct().Count(),
            _membership.Count(x => x.Join && !x.IsBot && In(x.Day)),
            _membership.Count(x => !x.Join && !x.IsBot && In(x.Day)),
            _deletes.Count(d => !d.IsBot && In(d.Day)));
    }

    /// <summary>
    /// The totals of an instant range [<paramref name="startAt"/>, <paramref name="endAt"/>) by brute force: messages and
    /// reactions by their message's creation time, threads, joins, leaves and deletes by their event time.
    /// </summary>
    public Totals TotalsBetween(long startAt, long endAt)
    {
        bool In(long at) => at >= startAt && at < endAt;
        var messages = CountedMessages().Where(m => In(m.CreatedAt)).ToList();
        var reactions = HumanReactions().Where(r => In(Snowflake.ToUnixMs(r.Key.Message))).ToList();
        return new Totals(
            messages.Count,
            reactions.Count,
            _threads.Count(t => !t.IsBot && In(t.At)),
            messages.Select(m => m.Author).Concat(reactions.Select(r => r.Key.User)).Distinct().Count(),
            reactions.Select(r => r.Key.User).Distinct().Count(),
            _membership.Count(x => x.Join && !x.IsBot && In(x.At)),
            _membership.Count(x => !x.Join && !x.IsBot && In(x.At)),
            _deletes.Count(d => !d.IsBot && In(d.At)));
    }

    /// <summary>
    /// Leaves of a previous window cut at <paramref name="endAt"/>: whole days as delivered (a leave counts while its member
    /// is present, in arrival order, like the daily rollups), and the cut day's first hours decided in time order (what
    /// the stored raw events can tell: they do not keep arrival order).
    /// </summary>
    public long LeavesCut(long startAt, long endAt)
    {
        var cutDayStart = endAt / 86_400_000 * 86_400_000;
        var whole = _membership.Count(x => !x.Join && !x.IsBot && x.At >= startAt && x.At < cutDayStart);
        long partial = 0;
        foreach (var member in _memberDeliveries.Where(d => d.At < endAt).GroupBy(d => d.User))
        {
            var present = true;
            foreach (var d in member.OrderBy(d => d.At).ThenBy(d => d.Join ? 0 : 1))
            {
                if (d.Join)
                {
                    present = true;
                }
                else if (present)
                {
                    present = false;
                    partial += d.At >= cutDayStart && !d.IsBot ? 1 : 0;
                }
            }
        }

        return whole + partial;
    }

    /// <summary>Messages and reactions per member in an instant range (by their message's creation time), as the previous numbers of top members count them.</summary>
    public IReadOnlyDictionary<string, (long Messages, long Reactions)> MembersBetween(long startAt, long endAt)
    {
        bool In(long at) => at >= startAt && at < endAt;
        var messages = CountedMessages().Where(m => In(m.CreatedAt)).CountBy(m => m.Author).ToDictionary();
        var reactions = HumanReactions().Where(r => In(Snowflake.ToUnixMs(r.Key.Message))).CountBy(r => r.Key.User).ToDictionary();
        return messages.Keys.Union(reactions.Keys).ToDictionary(u => u.ToString(), u => ((long)messages.GetValueOrDefault(u), (long)reactions.GetValueOrDefault(u)));
    }

    /// <summary>Messages and reactions per counted channel in an instant range, as the previous numbers of top channels count them.</summary>
    public IReadOnlyDictionary<string, (long Messages, long Reactions)> ChannelsBetween(long startAt, long endAt)
    {
        bool In(long at) => at >= startAt && at < endAt;
        var messages = CountedMessages().Where(m => In(m.CreatedAt)).CountBy(m => m.Channel).ToDictionary();
        var reactions = HumanReactions().Where(r => In(Snowflake.ToUnixMs(r.Key.Message))).CountBy(r => r.Value.Channel).ToDictionary();
        return messages.Keys.Union(reactions.Keys).ToDictionary(c => c.ToString(), c => ((long)messages.GetValueOrDefault(c), (long)reactions.GetValueOrDefault(c)));
    }

    /// <summary>
    /// Rising members by brute force: messages in the window against messages in the previous span
    /// [<paramref name="previousStartAt"/>, <paramref name="previousEndAt"/>), growth desc then user id, at most <paramref name="top"/>.
    /// </summary>
    public IReadOnlyList<(string Id, long Messages, long Previous)> RisingMembers(AnalyticsWindow w, long previousStartAt, long previousEndAt, int top)
    {
        var current = CountedMessages().Where(m => m.Day >= w.StartDay && m.Day < w.EndDay).CountBy(m => m.Author).ToDictionary();
        var previous = CountedMessages().Where(m => m.CreatedAt >= previousStartAt && m.CreatedAt < previousEndAt).CountBy(m => m.Author).ToDictionary();
        return [.. current
            .Select(x => (User: x.Key, Messages: (long)x.Value, Previous: (long)previous.GetValueOrDefault(x.Key)))
            .Where(x => x.Messages > x.Previous)
            .OrderByDescending(x => x.Messages - x.Previous).ThenBy(x => x.User)
            .Take(top)
            .Select(x => (x.User.ToString(), x.Messages, x.Previous))];
    }

    /// <summary>The earliest instant anything countable happened (a message's creation, a join or a leave).</summary>
    public long FirstAt() => _messages.Values.Select(m => m.CreatedAt).Concat(_membership.Select(x => x.At)).Min();

    /// <summary>Members active on days [<paramref name="fromDay"/>, <paramref name="toDay"/>): a counted message or a human reaction (bots excluded).</summary>
    public int ActiveMembersOnDays(int fromDay, int toDay) => ActiveMembersOn(fromDay, toDay).Count;

    /// <summary>Who was active on days [<paramref name="fromDay"/>, <paramref name="toDay"/>): a counted message or a human reaction (bots excluded).</summary>
    public IReadOnlySet<ulong> ActiveMembersOn(int fromDay, int toDay)
    {
        bool In(int day) => day >= fromDay && day < toDay;
        return CountedMessages().Where(m => In(m.Day)).Select(m => m.Author)
            .Concat(HumanReactions().Where(r => In(r.Value.Day)).Select(r => r.Key.User))
            .ToHashSet();
    }

    /// <summary>
    /// Each member with a join or a leave as their member row keeps them: the latest join delivered (which clears the
    /// leave) and the first leave delivered after it (a leave while already gone is a redelivery).
    /// </summary>
    public IReadOnlyDictionary<ulong, (long? JoinedAt, long? LeftAt)> MemberRows()
    {
        var rows = new Dictionary<ulong, (long? JoinedAt, long? LeftAt)>();
        foreach (var (user, at, join, _) in _memberDeliveries)
        {
            var row = rows.GetValueOrDefault(user);
            rows[user] = join ? (at, null) : row.LeftAt is null ? (row.JoinedAt, at) : row;
        }

        return rows;
    }

    public IReadOnlyList<DailyActivity> DailyFor(AnalyticsWindow w) =>
        [.. Enumerable.Range(w.StartDay, w.Length).Select(day =>
        {
            var t = TotalsFor(w with { StartDay = day, EndDay = day + 1 });
            return new DailyActivity(Core.Storage.DayBucket.ToDate(day), t.Messages, t.Reactions, t.ActiveMembers);
        })];

    public IReadOnlyList<(string Id, long Messages, long Reactions, long Threads)> TopChannels(AnalyticsWindow w, int top)
    {
        bool In(int day) => day >= w.StartDay && day < w.EndDay;
        var messages = CountedMessages().Where(m => In(m.Day)).GroupBy(m => m.Channel).ToDictionary(g => g.Key, g => (long)g.Count());
        var reactions = HumanReactions().Where(r => In(r.Value.Day)).GroupBy(r => r.Value.Channel).ToDictionary(g => g.Key, g => (long)g.Count());
        var threads = _threads.Where(t => !t.IsBot && In(t.Day)).GroupBy(t => t.Channel).ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. messages.Keys.Union(reactions.Keys).Union(threads.Keys)
            .Select(c => (Id: c, Messages: messages.GetValueOrDefault(c), Reactions: reactions.GetValueOrDefault(c), Threads: threads.GetValueOrDefault(c)))
            .OrderByDescending(x => x.Messages).ThenByDescending(x => x.Reactions).ThenBy(x => x.Id)
            .Take(top)
            .Select(x => (x.Id.ToString(), x.Messages, x.Reactions, x.Threads))];
    }

    public IReadOnlyList<(string Id, long Messages, long Reactions, long Threads)> TopMembers(AnalyticsWindow w, int top)
    {
        bool In(int day) => day >= w.StartDay && day < w.EndDay;
        var messages = CountedMessages().Where(m => In(m.Day)).GroupBy(m => m.Author).ToDictionary(g => g.Key, g => (long)g.Count());
        var reactions = HumanReactions().Where(r => In(r.Value.Day)).GroupBy(r => r.Key.User).ToDictionary(g => g.Key, g => (long)g.Count());
        var threads = _threads.Where(t => !t.IsBot && t.User is not null && In(t.Day)).GroupBy(t => t.User!.Value).ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. messages.Keys.Union(reactions.Keys).Union(threads.Keys)
            .Select(u => (Id: u, Messages: messages.GetValueOrDefault(u), Reactions: reactions.GetValueOrDefault(u), Threads: threads.GetValueOrDefault(u)))
            .OrderByDescending(x => x.Messages + x.Reactions).ThenBy(x => x.Id)
            .Take(top)
            .Select(x => (x.Id.ToString(), x.Messages, x.Reactions, x.Threads))];
    }

    public IReadOnlyList<(string Id, long Score, string? Excerpt)> TopContent(AnalyticsWindow w, int top) =>
        [.. HumanReactions()
            .Where(r => r.Value.Day >= w.StartDay && r.Value.Day < w.EndDay)
            .GroupBy(r => r.Key.Message)
            .Where(g => !(_messages.TryGetValue(g.Key, out var m) && m.IsBot))
            .Select(g => (Id: g.Key, Score: (long)g.Count()))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .Take(top)
            .Select(x => (x.Id.ToString(), x.Score, _messages.TryGetValue(x.Id, out var m) ? m.Excerpt : null))];

    /// <summary>
    /// Present messages (bots included) per (quarter hour of creation, counted channel, isBot): what the
    /// quarter-hour rollups must hold. Zero keys are absent.
    /// </summary>
    /// <summary>
    /// Each member with a join: the join that counts (the last one delivered: a member keeps one join time) and the
    /// creation time of their earliest present message in the 7 x 24 hours from it (null when none).
    /// </summary>
    public IReadOnlyDictionary<ulong, (long JoinedAt, long? FirstPostAt)> FirstPosts() =>
        _joinedAt.ToDictionary(j => j.Key, j => (j.Value, _messages.Values
            .Where(m => m.Author == j.Key && !_deleted.Contains(m.Id) && m.CreatedAt >= j.Value && m.CreatedAt < j.Value + (7 * 86_400_000L))
            .Select(m => (long?)m.CreatedAt)
            .Min()));

    public IReadOnlyDictionary<(long Bucket, ulong Channel, bool IsBot), long> QuarterHours() =>
        _messages.Values
            .Where(m => !_deleted.Contains(m.Id))
            .GroupBy(m => (m.CreatedAt / (15 * 60 * 1000), m.Channel, m.IsBot))
            .ToDictionary(g => g.Key, g => (long)g.Count());

    private IEnumerable<Message> CountedMessages() => _messages.Values.Where(m => !m.IsBot && !_deleted.Contains(m.Id));

    private IEnumerable<KeyValuePair<(ulong Message, string Emoji, ulong User), Reaction>> HumanReactions() =>
        PresentReactions().Where(r => !r.Value.IsBot);

    private IEnumerable<KeyValuePair<(ulong Message, string Emoji, ulong User), Reaction>> PresentReactions() =>
        _latestAdds
            .Where(a => !_deleted.Contains(a.Key.Message) && a.Value.At > LatestRemoval(a.Key))
            .Select(a => KeyValuePair.Create(a.Key, a.Value.Reaction));

    private long LatestRemoval((ulong Message, string Emoji, ulong User) key) =>
        new[]
        {
            _latestRemoves.GetValueOrDefault(key, long.MinValue),
            _latestClears.GetValueOrDefault((key.Message, string.Empty), long.MinValue),
            _latestClears.GetValueOrDefault((key.Message, key.Emoji), long.MinValue),
        }.Max();

    private static void KeepLatest<TKey>(Dictionary<TKey, long> latest, TKey key, long at)
        where TKey : notnull
    {
        if (!latest.TryGetValue(key, out var known) || at > known)
        {
            latest[key] = at;
        }
    }

    private ulong Resolve(ulong channel) => _threadParents.GetValueOrDefault(channel, channel);

    private static int Day(long ms) => (int)(ms / 86_400_000);

    private void Apply(IngestEvent e)
    {
        // The dedupe keys, written out again here on purpose.
        var key = e.Type switch
        {
            IngestEventType.MessageCreate => $"mc|{e.MessageId}",
            IngestEventType.MessageDelete => $"md|{e.MessageId}",
            IngestEventType.MessageUpdate => $"mu|{e.MessageId}|{e.EditedAt}",
            IngestEventType.ThreadCreate => $"tc|{e.ChannelId}",
            IngestEventType.MemberAdd => $"ma|{e.UserId}|{e.EventAt}",
            IngestEventType.MemberRemove => $"mr|{e.UserId}|{e.EventAt}",
            IngestEventType.ReactionAdd => $"ra|{e.MessageId}|{e.UserId}|{e.Emoji}|{e.EventAt}",
            IngestEventType.ReactionRemove => $"rr|{e.MessageId}|{e.UserId}|{e.Emoji}|{e.EventAt}",
            IngestEventType.ReactionRemoveAll => $"rx|{e.MessageId}|{e.EventAt}",
            IngestEventType.ReactionRemoveEmoji => $"re|{e.MessageId}|{e.Emoji}|{e.EventAt}",
            _ => null,
        };
        if (key is not null && !_seen.Add(key))
        {
            return;
        }

        if (e.Type is IngestEventType.MemberAdd or IngestEventType.MemberRemove)
        {
            _memberDeliveries.Add((e.UserId!.Value, e.EventAt, e.Type == IngestEventType.MemberAdd, e.IsBot));
        }

        switch (e.Type)
        {
            case IngestEventType.ThreadCreate:
                _threadParents[e.ChannelId!.Value] = e.ParentId!.Value;
                _threads.Add((e.ParentId.Value, Day(e.EventAt), e.UserId, e.IsBot, e.EventAt));
                break;
            case IngestEventType.MemberAdd:
                _departed.Remove(e.UserId!.Value);
                _joinedAt[e.UserId.Value] = e.EventAt;
                _membership.Add((Day(e.EventAt), e.IsBot, true, e.EventAt));
                break;
            // A member leaves only while present (unknown members are present): a second leave without a join between is a redelivery.
            case IngestEventType.MemberRemove when _departed.Add(e.UserId!.Value):
                _membership.Add((Day(e.EventAt), e.IsBot, false, e.EventAt));
                break;
            case IngestEventType.MessageCreate when !_messages.ContainsKey(e.MessageId!.Value):
                _messages[e.MessageId.Value] = new Message(e.MessageId.Value, Resolve(e.ChannelId!.Value), Day(e.EventAt), e.UserId!.Value, e.IsBot) { Excerpt = e.Excerpt, CreatedAt = e.EventAt };
                break;
            case IngestEventType.MessageUpdate when _messages.TryGetValue(e.MessageId!.Value, out var edited) && e.Excerpt is not null:
                edited.Excerpt = e.Excerpt;
                break;
            case IngestEventType.MessageDelete:
                var id = e.MessageId!.Value;
                if (_messages.TryGetValue(id, out var m) && !_deleted.Contains(id))
                {
                    _deletes.Add((m.Channel, Day(e.EventAt), m.IsBot, e.EventAt));
                }
                else if (!_messages.ContainsKey(id))
                {
                    _deletes.Add((Resolve(e.ChannelId!.Value), Day(e.EventAt), false, e.EventAt));
                }

                _deleted.Add(id);
                break;
            case IngestEventType.ReactionAdd:
                var added = (e.MessageId!.Value, e.Emoji!, e.UserId!.Value);
                if (!_latestAdds.TryGetValue(added, out var known) || e.EventAt > known.At)
                {
                    _latestAdds[added] = (e.EventAt, new Reaction(Resolve(e.ChannelId!.Value), Day(Snowflake.ToUnixMs(e.MessageId.Value)), e.IsBot));
                }

                break;
            case IngestEventType.ReactionRemove:
                KeepLatest(_latestRemoves, (e.MessageId!.Value, e.Emoji!, e.UserId!.Value), e.EventAt);
                break;
            case IngestEventType.ReactionRemoveAll:
                KeepLatest(_latestClears, (e.MessageId!.Value, string.Empty), e.EventAt);
                break;
            case IngestEventType.ReactionRemoveEmoji:
                KeepLatest(_latestClears, (e.MessageId!.Value, e.Emoji!), e.EventAt);
                break;
        }
    }

    private sealed record Message(ulong Id, ulong Channel, int Day, ulong Author, bool IsBot)
    {
        public string? Excerpt { get; set; }

        public long CreatedAt { get; init; }
    }

    private sealed record Reaction(ulong Channel, int Day, bool IsBot);
}
