using System.Globalization;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Which help threads and questions escalated (rules: <see cref="SupportSignalsQuery"/>), from the role
/// mentions the writer keeps (<see cref="MessageRoleMention"/>), the message facts and the support facts. Its reads
/// follow the guild's escalation-role mentions and the threads and questions asked about that were left without an
/// answer for the escalation period, never the whole window's messages.
/// </summary>
internal static class SupportEscalationReads
{
    /// <summary>Up to this many waiting threads (a few told changed) read their later posts one statement each, by the thread index.</summary>
    private const int ThreadsReadOneByOne = 32;

    /// <summary>
    /// The threads of <paramref name="threads"/> that escalated, with when and why: a mention by the starter anywhere in
    /// the thread (its origin message included), or the starter's message at least the period after the start while no
    /// one else had answered. <paramref name="mentions"/> must hold the mentions since the earliest thread's start.
    /// </summary>
    public static async Task<Dictionary<long, (long At, string Reason)>> ThreadHitsAsync(
        AnalyticsDbContext db, long guild, IReadOnlyList<HelpThreadFacts> threads, List<Mention> mentions, long periodMs, CancellationToken cancellationToken)
    {
        var byThread = threads.ToDictionary(t => t.ThreadId);
        var threadHits = new Dictionary<long, (long At, string Reason)>();
        foreach (var m in mentions)
        {
            if (byThread.TryGetValue(m.ThreadId ?? m.MessageId, out var thread) && m.AuthorId == thread.StarterAuthorId)
            {
                Keep(threadHits, thread.ThreadId, m.CreatedAt, SupportEscalation.RoleMention);
            }
        }

        var waitingThreads = threads.Where(t => t.Response is not { } r || r - t.StartedAt > periodMs).ToList();
        if (waitingThreads.Count > 0)
        {
            var after = waitingThreads.Min(t => t.StartedAt) + periodMs;
            var (first, last) = (waitingThreads.Min(t => t.ThreadId), waitingThreads.Max(t => t.ThreadId));
            // Many: the posts of the waiting threads' id range on the (guild, thread, created) index, those of other threads
            // dropped in memory. With the ids as one list SQLite walked every message of the guild instead (24k waiting
            // threads of a year: seconds, and the whole table from a cold cache).
            var laterPosts = waitingThreads.Count > ThreadsReadOneByOne
                ? (await db.MessageFacts
                    .Where(m => m.GuildId == guild && m.ThreadId >= first && m.ThreadId <= last && m.CreatedAt >= after
                        && m.IsCreated && m.DeletedAt == null && m.AuthorId != null)
                    .Select(m => new { ThreadId = m.ThreadId!.Value, m.AuthorId, m.CreatedAt })
                    .ToListAsync(cancellationToken))
                    .Where(m => byThread.ContainsKey(m.ThreadId))
                    .ToList()
                : [];
            foreach (var thread in waitingThreads.Count > ThreadsReadOneByOne ? [] : waitingThreads)
            {
                // A thread's messages by the (guild, thread, created) index, the other conditions in memory: with them in the
                // statement, or the ids as one list, SQLite walks the guild's messages from the key instead.
                var threadId = thread.ThreadId;
                var starts = thread.StartedAt + periodMs;
                laterPosts.AddRange((await db.MessageFacts
                    .Where(m => m.GuildId == guild && m.ThreadId == threadId && m.CreatedAt >= starts)
                    .Select(m => new { m.AuthorId, m.CreatedAt, m.IsCreated, m.DeletedAt })
                    .ToListAsync(cancellationToken))
                    .Where(m => m.IsCreated && m.DeletedAt == null && m.AuthorId != null)
                    .Select(m => new { ThreadId = threadId, m.AuthorId, m.CreatedAt }));
            }

            foreach (var post in laterPosts)
            {
                var thread = byThread[post.ThreadId];
                if (post.AuthorId == thread.StarterAuthorId && post.CreatedAt >= thread.StartedAt + periodMs
                    && (thread.Response is not { } response || post.CreatedAt < response))
                {
                    Keep(threadHits, thread.ThreadId, post.CreatedAt, SupportEscalation.AskedAgain);
                }
            }
        }

        return threadHits;
    }

    /// <summary>
    /// Questions: the asker's messages in the channel that follow the question before anyone else posts there (its run;
    /// bots break it only with IncludeBots): one mentioning an escalation role, or one at least the period after asking.
    /// </summary>
    public static async Task<Dictionary<long, (long At, string Reason)>> QuestionHitsAsync(
        AnalyticsDbContext db, long guild, bool bots, IReadOnlyList<HelpQuestionRow> rows, List<Mention> mentions, long periodMs, CancellationToken cancellationToken)
    {
        var questions = rows.Select(q => (q.MessageId, q.ChannelId, q.AuthorId, q.AskedAt, q.AnsweredAt)).ToList();

        // A mention belongs to its author's latest question in that channel asked at or before it.
        var latest = questions.ToLookup(q => (q.ChannelId, q.AuthorId));
        var mentioned = new Dictionary<long, long>();
        foreach (var m in mentions.Where(m => m.ThreadId is null))
        {
            var question = latest[(m.ChannelId, m.AuthorId)].Where(q => q.AskedAt <= m.CreatedAt).OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.MessageId).FirstOrDefault();
            if (question.MessageId != 0 && (!mentioned.TryGetValue(question.MessageId, out var at) || m.CreatedAt < at))
            {
                mentioned[question.MessageId] = m.CreatedAt;
            }
        }

        var candidates = questions
            .Where(q => mentioned.ContainsKey(q.MessageId) || q.AnsweredAt is not { } a || a - q.AskedAt > periodMs)
            .Select(q => q.MessageId)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var runs = await db.SupportQuestions
            .Where(q => q.GuildId == guild && q.WithBots == bots && candidates.Contains(q.MessageId))
            .Select(q => new
            {
                q.MessageId,
                RunEnd = db.MessageFacts
                    .Where(m => m.GuildId == guild && m.ChannelId == q.ChannelId && m.ThreadId == null && m.CreatedAt > q.AskedAt
                        && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && m.AuthorId != q.AuthorId && (bots || !m.IsBot))
                    .Min(m => (long?)m.CreatedAt),
                FollowUp = db.MessageFacts
                    .Where(m => m.GuildId == guild && m.ChannelId == q.ChannelId && m.ThreadId == null && m.CreatedAt >= q.AskedAt + periodMs
                        && m.IsCreated && m.DeletedAt == null && m.AuthorId == q.AuthorId)
                    .Min(m => (long?)m.CreatedAt),
            })
            .ToDictionaryAsync(q => q.MessageId, cancellationToken);

        var found = new Dictionary<long, (long At, string Reason)>();
        foreach (var q in questions.Where(q => runs.ContainsKey(q.MessageId)))
        {
            var run = runs[q.MessageId];
            bool InRun(long at) => run.RunEnd is not { } end || at < end;
            var hits = new Dictionary<long, (long At, string Reason)>();
            if (mentioned.TryGetValue(q.MessageId, out var mentionAt) && InRun(mentionAt))
            {
                Keep(hits, q.MessageId, mentionAt, SupportEscalation.RoleMention);
            }

            if (run.FollowUp is { } followUp && InRun(followUp) && (q.AnsweredAt is not { } answer || followUp < answer))
            {
                Keep(hits, q.MessageId, followUp, SupportEscalation.AskedAgain);
            }

            if (hits.TryGetValue(q.MessageId, out var hit))
            {
                found[q.MessageId] = hit;
            }
        }

        return found;
    }

    /// <summary>The earliest reason wins; at the same moment a mention does.</summary>
    private static void Keep(Dictionary<long, (long At, string Reason)> hits, long id, long at, string reason)
    {
        if (!hits.TryGetValue(id, out var hit) || at < hit.At || (at == hit.At && reason == SupportEscalation.RoleMention))
        {
            hits[id] = (at, reason);
        }
    }

    /// <summary>The counted messages since <paramref name="startAt"/> that mention one of the guild's escalation roles.</summary>
    public static async Task<List<Mention>> RoleMentionsAsync(AnalyticsDbContext db, long guild, long startAt, bool bots, CancellationToken cancellationToken)
    {
        var roles = await db.Set<EscalationRole>().Where(r => r.GuildId == guild).Select(r => r.RoleId).ToListAsync(cancellationToken);
        if (roles.Count == 0)
        {
            return [];
        }

        var rows = await (
            from r in db.Set<MessageRoleMention>()
            join m in db.MessageFacts on new { r.GuildId, r.MessageId } equals new { m.GuildId, m.MessageId }
            where r.GuildId == guild && roles.Contains(r.RoleId) && m.CreatedAt >= startAt
                && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && (bots || !m.IsBot)
            select new { m.MessageId, m.ChannelId, m.ThreadId, AuthorId = m.AuthorId!.Value, m.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(m => m.MessageId).Select(m => new Mention(m.MessageId, m.ChannelId, m.ThreadId, m.AuthorId, m.CreatedAt))];
    }

    /// <summary>
    /// The newest escalations with their channel names; a thread's title only when its starter may be shown by
    /// <paramref name="visible"/> (the guild's privacy choices, read by the caller; null only when nothing is listed).
    /// </summary>
    public static async Task<IReadOnlyList<SupportEscalation>> ListAsync(
        AnalyticsDbContext db, long guild, IReadOnlyList<FoundEscalation> found, VisibleMembers? visible, CancellationToken cancellationToken)
    {
        var newest = found.OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(SupportSignalsQuery.MaxEscalationsListed).ToList();
        if (newest.Count == 0 || visible is null)
        {
            return [];
        }

        var ids = newest.Select(f => f.Channel).Concat(newest.Where(f => f.Kind == SupportEscalation.Thread).Select(f => f.Id)).Distinct().ToList();
        var names = await Names.OfChannelsAsync(db, guild, ids, cancellationToken);
        return [.. newest.Select(f => new SupportEscalation(
            f.Kind,
            f.Id.ToString(CultureInfo.InvariantCulture),
            f.Channel.ToString(CultureInfo.InvariantCulture),
            Names.OrId(names.GetValueOrDefault(f.Channel), f.Channel),
            f.Kind == SupportEscalation.Thread && visible.MayShowContentOf(f.Starter) ? Names.OrId(names.GetValueOrDefault(f.Id), f.Id) : null,
            f.At,
            f.Reason,
            f.Kind == SupportEscalation.Thread
                ? $"https://discord.com/channels/{guild}/{f.Id}"
                : $"https://discord.com/channels/{guild}/{f.Channel}/{f.Id}"))];
    }

    internal sealed record Mention(long MessageId, long ChannelId, long? ThreadId, long AuthorId, long CreatedAt);
}
