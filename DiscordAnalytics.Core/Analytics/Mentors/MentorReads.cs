using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// Reads what the mentors hold (rules: <see cref="MentorsQuery"/>) from the support facts the writer keeps and the
/// messages and reactions of help threads and channels: all those from a time on, or a few told changed.
/// </summary>
internal static class MentorReads
{
    /// <summary>Answer message ids per reaction read (well under SQLite's parameter limit).</summary>
    private const int MessagesPerRead = 2_000;

    /// <summary>The human help threads started from <paramref name="from"/> on with their answers; with <paramref name="ids"/>, only those of them.</summary>
    public static async Task<List<HeldAsked>> ThreadsAsync(AnalyticsDbContext db, long guild, List<long> helpChannels, long from, List<long>? ids, CancellationToken cancellationToken)
    {
        // A few told changed by their ids (the key), their start checked in memory: with both in the statement SQLite walked
        // every thread started since the first held day by the start index.
        var source = ids is null
            ? db.SupportThreads.Where(t => t.GuildId == guild && t.StartedAt >= from)
            : db.SupportThreads.Where(t => t.GuildId == guild && ids.Contains(t.ThreadId));

        var read = await (
            from t in source
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where !t.StarterGone && t.StarterAuthorId != null && !t.StarterIsBot
                && c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value)
            select new { t.ThreadId, Starter = t.StarterAuthorId!.Value, t.StartedAt, Parent = c.ParentId!.Value })
            .ToListAsync(cancellationToken);
        var threads = read.Where(t => t.StartedAt >= from).ToDictionary(t => t.ThreadId);
        if (threads.Count == 0)
        {
            return [];
        }

        // The messages posted since the first held day (an answer is never older than its thread), matched in memory:
        // joined in one statement, SQLite walked the guild's messages once per thread.
        var firstId = MessageIdRange.FirstIdAt(from);
        var rows = new List<(long Thread, long Author, long CreatedAt, long MessageId)>();
        if (ids is null)
        {
            // The held threads' id range on the (guild, thread, created) index: by the message key alone, SQLite walked every
            // message since the first held day (a year's 28M on the year's store, ~10 s from a cold cache) for its ~0.8M thread messages.
            var (first, last) = (threads.Keys.Min(), threads.Keys.Max());
            var messages = await db.MessageFacts.AsNoTracking()
                .Where(m => m.GuildId == guild && m.ThreadId >= first && m.ThreadId <= last && m.MessageId >= firstId
                    && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot)
                .Select(m => new { Thread = m.ThreadId!.Value, Author = m.AuthorId!.Value, m.CreatedAt, m.MessageId })
                .ToListAsync(cancellationToken);
            rows.AddRange(messages.Select(m => (m.Thread, m.Author, m.CreatedAt, m.MessageId)));
        }
        else
        {
            // A few threads told changed: each one's messages by the (guild, thread, created) index, the other conditions in
            // memory. With them in the statement (or the ids as one list, or without a range on the index's time) SQLite walked
            // every message since the first held day instead: ~150 ms after one answer in a help thread on the 14-day large store.
            var any = long.MinValue;
            foreach (var thread in threads.Keys)
            {
                var posts = await db.MessageFacts.AsNoTracking()
                    .Where(m => m.GuildId == guild && m.ThreadId == thread && m.CreatedAt >= any)
                    .Select(m => new { m.MessageId, m.AuthorId, m.CreatedAt, m.IsCreated, m.DeletedAt, m.IsBot })
                    .ToListAsync(cancellationToken);
                rows.AddRange(posts
                    .Where(m => m.MessageId >= firstId && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot)
                    .Select(m => (thread, m.AuthorId!.Value, m.CreatedAt, m.MessageId)));
            }
        }

        var answers = rows
            .Where(m => threads.TryGetValue(m.Thread, out var t) && m.Author != t.Starter)
            .ToLookup(m => m.Thread, m => new MentorAnswer(m.Author, m.CreatedAt, m.MessageId));
        return [.. threads.Values.Select(t => new HeldAsked(t.ThreadId, t.StartedAt, t.Parent, t.Starter, isThread: true, [.. answers[t.ThreadId]]))];
    }

    /// <summary>One help channel's human questions asked from <paramref name="from"/> on, each with its recorded answer when it counts.</summary>
    public static Task<List<HeldAsked>> QuestionsAsync(AnalyticsDbContext db, long guild, long channel, long from, CancellationToken cancellationToken)
    {
        // withBots as a parameter, never `!q.WithBots`: SQLite seeks the (guild, withBots, channel, askedAt) index only on an
        // equality; `NOT withBots` walked every question of the guild once per help channel (seconds on a large store).
        var withBots = false;
        return QuestionsAsync(db, guild, db.SupportQuestions.Where(q => q.GuildId == guild && q.WithBots == withBots && q.ChannelId == channel && q.AskedAt >= from), cancellationToken);
    }

    /// <summary>Those of the human questions <paramref name="ids"/> that are questions now: a few held ones a change may reach.</summary>
    public static Task<List<HeldAsked>> QuestionsAsync(AnalyticsDbContext db, long guild, List<long> ids, CancellationToken cancellationToken)
    {
        var withBots = false;
        return QuestionsAsync(db, guild, db.SupportQuestions.Where(q => q.GuildId == guild && q.WithBots == withBots && ids.Contains(q.MessageId)), cancellationToken);
    }

    private static async Task<List<HeldAsked>> QuestionsAsync(AnalyticsDbContext db, long guild, IQueryable<Storage.Entities.SupportQuestion> questions, CancellationToken cancellationToken)
    {
        var rows = await questions.Select(q => new { q.MessageId, q.ChannelId, q.AuthorId, q.AskedAt, q.AnsweredAt }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var recorded = await (
            from q in questions
            join m in db.MessageFacts on new { q.GuildId, MessageId = q.AnswerMessageId ?? 0 } equals new { m.GuildId, m.MessageId }
            where q.AnswerMessageId != null && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot && m.AuthorId != q.AuthorId
            select new { Question = q.MessageId, Answer = new MentorAnswer(m.AuthorId!.Value, m.CreatedAt, m.MessageId) })
            .ToDictionaryAsync(a => a.Question, a => a.Answer, cancellationToken);
        return [.. rows.Select(q => new HeldAsked(
            q.MessageId, q.AskedAt, q.ChannelId, q.AuthorId, isThread: false, recorded.TryGetValue(q.MessageId, out var answer) ? [answer] : [], q.AnsweredAt))];
    }

    /// <summary>One help channel's human replies (outside threads, not deleted) posted from <paramref name="from"/> on.</summary>
    public static async Task<List<HeldReply>> RepliesAsync(AnalyticsDbContext db, long guild, long channel, long from, CancellationToken cancellationToken) =>
        await db.MessageFacts.AsNoTracking()
            .Where(m => m.GuildId == guild && m.ThreadId == null && m.ChannelId == channel && m.CreatedAt >= from
                && m.ReferencedMessageId != null && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot)
            .Select(m => new HeldReply(m.MessageId, m.ReferencedMessageId!.Value, m.ChannelId, m.AuthorId!.Value, m.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Present human reactions on each message, its author's own left out (messages with none are in it with 0).</summary>
    public static async Task<Dictionary<long, long>> ReactionsAsync(AnalyticsDbContext db, long guild, IReadOnlyDictionary<long, long> authors, CancellationToken cancellationToken)
    {
        var counts = authors.Keys.ToDictionary(m => m, _ => 0L);
        // In key order: each chunk's seeks fall in one stretch of the reactions' key, not all over a year of it.
        foreach (var chunk in authors.Keys.Order().Chunk(MessagesPerRead))
        {
            var ids = chunk.ToList();
            var rows = await db.ReactionFacts.AsNoTracking()
                .Where(r => r.GuildId == guild && ids.Contains(r.MessageId) && r.RemovedAt == null && !r.IsBot)
                .Select(r => new { r.MessageId, r.UserId })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => r.UserId != authors[r.MessageId]))
            {
                counts[row.MessageId]++;
            }
        }

        return counts;
    }
}
