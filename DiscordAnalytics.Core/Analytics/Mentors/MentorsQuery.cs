using System.Globalization;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// Mentor candidates (summary <c>mentors</c>): the members who answer help threads and questions first, most often, with
/// reactions on those answers. Read from the support facts the writer keeps (which threads are help threads, which
/// questions were asked and their recorded answer, as <see cref="SupportSignalsQuery"/> reads them, bots not counted)
/// and the messages of those threads and replies to those questions:
/// <list type="bullet">
/// <item>The help threads started and the questions asked in the window count, with their answers whenever posted.</item>
/// <item>An answer in a help thread is any message of the thread by a human other than its starter's author; an answer to a
/// question is its recorded answer and any reply to it by a human other than the asker. Deleted messages never answer;
/// the asker never answers their own question; bots never answer.</item>
/// <item><c>firstAnswers</c>: threads and questions whose earliest answer (time, then id) is the member's;
/// <c>answers</c>: threads and questions the member answered at all (many messages in one thread are one);
/// <c>reactionsOnAnswers</c>: reactions present now on the member's answer messages, by humans other than the member.</item>
/// <item>Ranked by first answers, then answers, then reactions, then id. Forgotten members never appear; hidden members
/// are ranked (the activity roles act on them) but never listed.</item>
/// </list>
/// </summary>
public sealed class MentorsQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>How many candidates the summary lists.</summary>
    public const int MaxListed = 10;

    /// <summary>Answer message ids per reaction read (well under SQLite's parameter limit).</summary>
    private const int MessagesPerRead = 2_000;

    /// <summary>The listed candidates of the query's window: hidden members left out, at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<MentorStat>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var guild = (long)query.GuildId;
        var ranked = await RankAsync(guild, query.Window.StartAt, query.Window.EndAt, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var listed = ranked.Where(m => visible.IsListed(m.User)).Take(MaxListed).ToList();
        var ids = listed.Select(m => m.User).ToList();
        var names = await db.Members.AsNoTracking()
            .Where(m => m.GuildId == guild && ids.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);
        return [.. listed.Select(m => new MentorStat(
            m.User.ToString(CultureInfo.InvariantCulture), Names.OrId(names.GetValueOrDefault(m.User), m.User), m.FirstAnswers, m.Answers, m.ReactionsOnAnswers))];
    }

    /// <summary>Every candidate of help threads and questions asked in [<paramref name="startAt"/>, <paramref name="endAt"/>), best first; forgotten members left out, hidden ones kept.</summary>
    public async Task<IReadOnlyList<MentorScore>> RankAsync(long guild, long startAt, long endAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, guild, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return [];
        }

        // One row per answer message: (which thread or question, its author, when, its id). The help threads of the window
        // first, then the thread messages posted since the window's start (an answer is never older than its thread),
        // matched in memory: joined in one statement, SQLite walked the guild's messages once per thread.
        var threads = await (
            from t in db.SupportThreads
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where t.GuildId == guild && t.StartedAt >= startAt && t.StartedAt < endAt
                && !t.StarterGone && t.StarterAuthorId != null && !t.StarterIsBot
                && c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value)
            select new { t.ThreadId, Starter = t.StarterAuthorId!.Value })
            .ToDictionaryAsync(t => t.ThreadId, t => t.Starter, cancellationToken);
        var firstId = MessageIdRange.FirstIdAt(startAt);
        var threadMessages = threads.Count == 0 ? [] : await db.MessageFacts.AsNoTracking()
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.ThreadId != null
                && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot)
            .Select(m => new { Thread = m.ThreadId!.Value, Author = m.AuthorId!.Value, m.CreatedAt, m.MessageId })
            .ToListAsync(cancellationToken);
        var threadAnswers = threadMessages
            .Where(m => threads.TryGetValue(m.Thread, out var starter) && m.Author != starter)
            .Select(m => new Answer(m.Thread, m.Author, m.CreatedAt, m.MessageId))
            .ToList();

        var questions = db.SupportQuestions.Where(q => q.GuildId == guild && !q.WithBots && helpChannels.Contains(q.ChannelId) && q.AskedAt >= startAt && q.AskedAt < endAt);
        var recorded = await (
            from q in questions
            join m in db.MessageFacts on new { q.GuildId, MessageId = q.AnswerMessageId ?? 0 } equals new { m.GuildId, m.MessageId }
            where q.AnswerMessageId != null && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot && m.AuthorId != q.AuthorId
            select new Answer(q.MessageId, m.AuthorId!.Value, m.CreatedAt, m.MessageId))
            .ToListAsync(cancellationToken);
        // Replies, read per help channel from the window's start (a reply is never older than its question) and matched to
        // the questions in memory: joining the facts on the referenced id would walk a channel's messages per question.
        var asked = await questions.Select(q => new { q.MessageId, q.ChannelId, q.AuthorId }).ToDictionaryAsync(q => q.MessageId, cancellationToken);
        var askedIn = asked.Values.Select(q => q.ChannelId).Distinct().ToList();
        var replyFacts = await db.MessageFacts.AsNoTracking()
            .Where(m => m.GuildId == guild && m.ThreadId == null && askedIn.Contains(m.ChannelId) && m.CreatedAt >= startAt
                && m.ReferencedMessageId != null && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && !m.IsBot)
            .Select(m => new { Reference = m.ReferencedMessageId!.Value, m.ChannelId, Author = m.AuthorId!.Value, m.CreatedAt, m.MessageId })
            .ToListAsync(cancellationToken);
        var replies = replyFacts
            .Where(m => asked.TryGetValue(m.Reference, out var q) && q.ChannelId == m.ChannelId && q.AuthorId != m.Author)
            .Select(m => new Answer(m.Reference, m.Author, m.CreatedAt, m.MessageId))
            .ToList();

        // A thread and a question never share an id (a question never started a thread), and a recorded answer that is
        // also a reply is one answer. One message may answer several questions (a message replying to nothing answers every
        // open one): its reactions count once for its author.
        var answers = threadAnswers.Concat(recorded).Concat(replies).DistinctBy(a => (a.Asked, a.Message)).ToList();
        var reactions = await ReactionsAsync(db, guild, answers, cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);

        var first = answers.GroupBy(a => a.Asked)
            .Select(g => g.OrderBy(a => a.At).ThenBy(a => a.Message).First().Author)
            .CountBy(author => author)
            .ToDictionary();
        return [.. answers.GroupBy(a => a.Author)
            .Where(g => !visible.IsForgotten(g.Key))
            .Select(g => new MentorScore(
                g.Key,
                first.GetValueOrDefault(g.Key),
                g.Select(a => a.Asked).Distinct().LongCount(),
                g.DistinctBy(a => a.Message).Sum(a => reactions.GetValueOrDefault(a.Message))))
            .OrderByDescending(m => m.FirstAnswers).ThenByDescending(m => m.Answers).ThenByDescending(m => m.ReactionsOnAnswers).ThenBy(m => m.User)];
    }

    /// <summary>Present human reactions on each answer message, the answerer's own left out.</summary>
    private static async Task<Dictionary<long, long>> ReactionsAsync(AnalyticsDbContext db, long guild, List<Answer> answers, CancellationToken cancellationToken)
    {
        var authors = answers.DistinctBy(a => a.Message).ToDictionary(a => a.Message, a => a.Author);
        var counts = new Dictionary<long, long>();
        foreach (var chunk in authors.Keys.Chunk(MessagesPerRead))
        {
            var ids = chunk.ToList();
            var rows = await db.ReactionFacts.AsNoTracking()
                .Where(r => r.GuildId == guild && ids.Contains(r.MessageId) && r.RemovedAt == null && !r.IsBot)
                .Select(r => new { r.MessageId, r.UserId })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => r.UserId != authors[r.MessageId]))
            {
                counts[row.MessageId] = counts.GetValueOrDefault(row.MessageId) + 1;
            }
        }

        return counts;
    }

    /// <param name="Asked">The help thread's id, or the question's message id.</param>
    private sealed record Answer(long Asked, long Author, long At, long Message);
}
