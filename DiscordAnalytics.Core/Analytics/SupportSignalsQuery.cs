using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Support health of a window (summary <c>supportSignals</c>), read from message facts (not rollups).
/// <list type="bullet">
/// <item>A help thread is a thread or forum post whose parent is a help channel (<see cref="HelpChannelSettings"/>:
/// the guild's setting, by default <see cref="HelpChannels"/>).</item>
/// <item>Its starter is its earliest message; the message a thread was started from (id == thread id, which
/// for forum posts is the post itself) belongs to the thread. A thread counts for the window its starter
/// was created in. A thread whose starter was deleted, or is a bot's while bots are excluded, is skipped.</item>
/// <item>Its first response is the earliest later message by anyone other than the starter's author; deleted
/// messages never answer, bots answer only with IncludeBots.</item>
/// <item><c>unansweredThreads</c>: threads without a first response within 24 h (a reply at exactly 24 h
/// answers). A thread whose 24 h are not over at "now" is not counted yet.</item>
/// <item><c>medianThreadFirstResponseMinutes</c>: median over threads that have a first response (at any time up
/// to now) of minutes from starter to it, rounded to one decimal; null when none.</item>
/// <item>A question in a help channel (directly, not in a thread) is a human, non-reply message that opens its
/// author's run (the channel's previous counted message is someone else's), is not itself an answer, and did
/// not start a thread (that one counts as the thread). Its answer is the first later message in the channel
/// by someone else within 24 h that replies to it or replies to nothing (a reply to another message answers
/// that one). Deleted messages never ask or answer; bots answer only with IncludeBots. A question counts
/// for the window it was asked in. <c>medianMessageFirstResponseMinutes</c>: median over answered questions.</item>
/// <item><c>medianFirstResponseMinutes</c>: median over answered threads and answered questions together.</item>
/// <item><c>commonKeywords</c>: <see cref="Keywords"/> over excerpts of human, non-deleted messages created in
/// the window (all channels; bots and hidden members never count here), at most <see cref="MaxKeywords"/>, summed from each day's
/// most common terms (<see cref="KeywordDays"/>).</item>
/// </list>
/// </summary>
public sealed class SupportSignalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public const int MaxKeywords = 10;

    /// <summary>How many unanswered help threads the Support card lists (the newest).</summary>
    public const int MaxUnansweredListed = 10;

    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(24);

    public async Task<SupportSignals> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keywords = await KeywordDays.TopAsync(db, query, time.GetUtcNow().ToUnixTimeMilliseconds(), Math.Min(query.Top, MaxKeywords), cancellationToken);
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, (long)query.GuildId, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return new SupportSignals(0, null, keywords) { HasHelpChannels = false };
        }

        var (unanswered, threadMinutes) = await ThreadsAsync(db, query, helpChannels, cancellationToken);
        var questionMinutes = await QuestionsAsync(db, query, helpChannels, cancellationToken);
        return new SupportSignals(unanswered.Count, Median([.. threadMinutes, .. questionMinutes]), keywords)
        {
            MedianThreadFirstResponseMinutes = Median(threadMinutes),
            MedianMessageFirstResponseMinutes = Median(questionMinutes),
            P90FirstResponseMinutes = Percentile90([.. threadMinutes, .. questionMinutes]),
            HasHelpChannels = true,
            UnansweredThreadList = await ListAsync(db, query, unanswered, cancellationToken),
        };
    }

    private async Task<(List<ThreadMessage> Unanswered, List<double> Minutes)> ThreadsAsync(AnalyticsDbContext db, AnalyticsQuery query, List<long> helpChannels, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);

        // A thread's id is its creation time and no message of it is older (the message a thread was started from
        // has the thread's id), so a thread created at or after the window's end cannot start in it.
        var endId = MessageIdRange.FirstIdAt(endAt);
        var helpThreads = db.Channels
            .Where(c => c.GuildId == guild && c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value) && c.ChannelId < endId)
            .Select(c => c.ChannelId);

        // Each thread's earliest message time: the earliest of its messages (one seek per thread on the index
        // guildId, threadId, createdAt; grouping its rows read every message of every help thread ever) and the
        // message it was started from (primary key).
        var firsts = await helpThreads
            .Select(t => new
            {
                Thread = t,
                InThread = db.MessageFacts.Where(m => m.GuildId == guild && m.ThreadId == t).Min(m => (long?)m.CreatedAt),
                Origin = db.MessageFacts.Where(m => m.GuildId == guild && m.MessageId == t).Select(m => (long?)m.CreatedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var started = firsts
            .Select(x => (x.Thread, First: x.InThread is { } inThread && x.Origin is { } origin ? Math.Min(inThread, origin) : x.InThread ?? x.Origin))
            .Where(x => x.First >= startAt && x.First < endAt)
            .Select(x => x.Thread)
            .ToList();
        if (started.Count == 0)
        {
            return ([], []);
        }

        // Two lookups, each on its own index (an OR of both would scan the guild's messages). The id bounds make
        // SQLite read the thread index from the first started thread to the last (threads are numbered by creation
        // time, so about the window's) instead of every help thread's messages ever.
        var (firstThread, lastThread) = (started.Min(), started.Max());
        var threadMessages = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.ThreadId != null && m.ThreadId >= firstThread && m.ThreadId <= lastThread && started.Contains(m.ThreadId.Value))
            .Select(m => new ThreadMessage(m.ThreadId!.Value, m.MessageId, m.AuthorId, m.IsBot, m.CreatedAt, m.DeletedAt != null || !m.IsCreated))
            .ToListAsync(cancellationToken);
        var originMessages = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.ThreadId == null && started.Contains(m.MessageId))
            .Select(m => new ThreadMessage(m.MessageId, m.MessageId, m.AuthorId, m.IsBot, m.CreatedAt, m.DeletedAt != null || !m.IsCreated))
            .ToListAsync(cancellationToken);
        var messages = threadMessages.Concat(originMessages);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var within = (long)AnswerWithin.TotalMilliseconds;
        var unanswered = new List<ThreadMessage>();
        var minutes = new List<double>();
        foreach (var thread in messages.GroupBy(m => m.Thread))
        {
            var ordered = thread.OrderBy(m => m.CreatedAt).ThenBy(m => m.MessageId).ToList();
            var starter = ordered[0];
            if (starter.IsGone || starter.AuthorId is null || (starter.IsBot && !bots))
            {
                continue;
            }

            var response = ordered.Skip(1).FirstOrDefault(m => !m.IsGone && m.AuthorId is not null && m.AuthorId != starter.AuthorId && (bots || !m.IsBot));
            if (response is not null)
            {
                minutes.Add((response.CreatedAt - starter.CreatedAt) / 60_000.0);
            }

            var answeredInTime = response is not null && response.CreatedAt - starter.CreatedAt <= within;
            if (!answeredInTime && now >= starter.CreatedAt + within)
            {
                unanswered.Add(starter);
            }
        }

        return (unanswered, minutes);
    }

    /// <summary>Minutes to the answer of each answered question asked directly in a help channel in the window.</summary>
    private static async Task<List<double>> QuestionsAsync(AnalyticsDbContext db, AnalyticsQuery query, List<long> helpChannels, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        var within = (long)AnswerWithin.TotalMilliseconds;

        // A day before the window tells whether the first question opens a run; a day after holds late answers.
        var (from, to) = (startAt - within, endAt + within);
        var (fromDay, toDay) = (DayBucket.FromUnixMs(from), DayBucket.FromUnixMs(to));
        var (firstId, endId) = MessageIdRange.AroundDays(fromDay, toDay + 1);
        var messages = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId && m.Day >= fromDay && m.Day <= toDay && m.CreatedAt >= from && m.CreatedAt < to
                && m.ThreadId == null && helpChannels.Contains(m.ChannelId)
                && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && (bots || !m.IsBot))
            .Select(m => new ChannelMessage(
                m.ChannelId,
                m.MessageId,
                m.AuthorId!.Value,
                m.IsBot,
                m.CreatedAt,
                m.ReferencedMessageId,
                db.Channels.Any(c => c.GuildId == guild && c.IsThread && c.ChannelId == m.MessageId)))
            .ToListAsync(cancellationToken);

        var minutes = new List<double>();
        foreach (var channel in messages.GroupBy(m => m.ChannelId))
        {
            var open = new List<ChannelMessage>();
            long? previousAuthor = null;
            foreach (var message in channel.OrderBy(m => m.CreatedAt).ThenBy(m => m.MessageId))
            {
                open.RemoveAll(q => message.CreatedAt - q.CreatedAt > within);
                var answers = open
                    .Where(q => q.AuthorId != message.AuthorId && (message.ReferencedMessageId is null || message.ReferencedMessageId == q.MessageId))
                    .ToList();
                foreach (var question in answers)
                {
                    open.Remove(question);
                    if (question.CreatedAt >= startAt && question.CreatedAt < endAt)
                    {
                        minutes.Add((message.CreatedAt - question.CreatedAt) / 60_000.0);
                    }
                }

                var asks = answers.Count == 0 && message.ReferencedMessageId is null && !message.IsBot && !message.StartedThread
                    && message.AuthorId != previousAuthor;
                if (asks)
                {
                    open.Add(message);
                }

                previousAuthor = message.AuthorId;
            }
        }

        return minutes;
    }

    /// <summary>The newest unanswered threads with their names (withheld for a hidden member's) and parent channel.</summary>
    private static async Task<IReadOnlyList<UnansweredHelpThread>> ListAsync(AnalyticsDbContext db, AnalyticsQuery query, List<ThreadMessage> starters, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var newest = starters.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Thread).Take(MaxUnansweredListed).ToList();
        if (newest.Count == 0)
        {
            return [];
        }

        var threadIds = newest.Select(s => s.Thread).ToList();
        var threads = await db.Channels
            .Where(c => c.GuildId == guild && threadIds.Contains(c.ChannelId))
            .Select(c => new { c.ChannelId, c.Name, c.ParentId })
            .ToDictionaryAsync(c => c.ChannelId, cancellationToken);
        var parentIds = threads.Values.Select(t => t.ParentId ?? 0).Distinct().ToList();
        var parents = await db.Channels
            .Where(c => c.GuildId == guild && parentIds.Contains(c.ChannelId))
            .ToDictionaryAsync(c => c.ChannelId, c => c.Name, cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        return [.. newest.Select(s =>
        {
            var thread = threads.GetValueOrDefault(s.Thread);
            var parent = thread?.ParentId ?? 0;
            return new UnansweredHelpThread(
                s.Thread.ToString(System.Globalization.CultureInfo.InvariantCulture),
                visible.MayShowContentOf(s.AuthorId) ? Names.OrId(thread?.Name, s.Thread) : null,
                Names.OrId(parents.GetValueOrDefault(parent), parent),
                s.CreatedAt,
                $"https://discord.com/channels/{guild}/{s.Thread}");
        })];
    }

    /// <summary>90th percentile by nearest rank (the smallest value with at least 90% at or below it), rounded to one decimal; null for none.</summary>
    public static double? Percentile90(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(0.9 * sorted.Count);
        return Math.Round(sorted[rank - 1], 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Median (mean of the two middle values for an even count), rounded to one decimal; null for none.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 1, MidpointRounding.AwayFromZero);
    }

    private sealed record ChannelMessage(long ChannelId, long MessageId, long AuthorId, bool IsBot, long CreatedAt, long? ReferencedMessageId, bool StartedThread);

    private sealed record ThreadMessage(long Thread, long MessageId, long? AuthorId, bool IsBot, long CreatedAt, bool IsGone);
}
