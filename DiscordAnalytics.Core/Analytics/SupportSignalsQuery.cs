using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Support health of a window (summary <c>supportSignals</c>), read from the facts the ingestion writer keeps per thread
/// (<see cref="SupportThread"/>) and per question (<see cref="SupportQuestion"/>), never from the messages: its work
/// follows the window's threads and questions.
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
/// author's run (the channel's previous counted message, however old, is someone else's), is not itself an answer, and did
/// not start a thread (that one counts as the thread). Its answer is the first later message in the channel
/// by someone else within 24 h that replies to it or replies to nothing (a reply to another message answers
/// that one). Deleted messages never ask or answer; bots answer only with IncludeBots. A question counts
/// for the window it was asked in. <c>medianMessageFirstResponseMinutes</c>: median over answered questions.</item>
/// <item><c>medianFirstResponseMinutes</c>: median over answered threads and answered questions together.</item>
/// <item><c>commonKeywords</c>: <see cref="Keywords"/> over excerpts of human, non-deleted messages created in
/// the window (all channels; bots and hidden members never count here), at most <see cref="MaxKeywords"/>, summed from each day's
/// most common terms (<see cref="KeywordDays"/>).</item>
/// <item><c>escalations</c>: help threads and questions of the window whose asker mentioned an escalation role
/// (<see cref="EscalationRoleSettings"/>) in the thread or in the question's run (their messages before anyone else posts
/// in the channel), or posted there again at least <see cref="SupportOptions.EscalationHours"/> after asking while no
/// one else had answered; the earlier decides when and why. The newest <see cref="MaxEscalationsListed"/> are listed.</item>
/// <item>Resolution: a help thread resolves at the first sighting of a solved tag, or its first archive or lock at or
/// after its first response. <c>resolvedShare</c> over the window's help threads; median and p90 minutes from start to
/// resolution.</item>
/// </list>
/// </summary>
public sealed class SupportSignalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, KeywordDayCache keywordDays, IOptions<SupportOptions> options)
{
    /// <summary>With the default <see cref="SupportOptions"/>.</summary>
    public SupportSignalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, KeywordDayCache keywordDays)
        : this(contexts, time, keywordDays, Options.Create(new SupportOptions()))
    {
    }

    /// <summary>Without a shared <see cref="KeywordDayCache"/>: one of its own (tests that build the query by hand).</summary>
    public SupportSignalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
        : this(contexts, time, new KeywordDayCache(contexts, time))
    {
    }

    /// <summary>How many escalations the summary and the Support card list (the newest).</summary>
    public const int MaxEscalationsListed = 10;

    public const int MaxKeywords = 10;

    /// <summary>How many unanswered help threads the Support card lists (the newest).</summary>
    public const int MaxUnansweredListed = 10;

    public static readonly TimeSpan AnswerWithin = SupportAnswers.Within;

    public async Task<SupportSignals> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        await RunAsync(query, await keywordDays.CountsAsync((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, cancellationToken), cancellationToken);

    /// <summary>
    /// The same, with the window's keyword counts already read (<see cref="KeywordDayCache.CountsAsync"/>): the summary
    /// reads them once for this and the trending topics.
    /// </summary>
    public async Task<SupportSignals> RunAsync(AnalyticsQuery query, IReadOnlyDictionary<string, long> keywordCounts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keywords = Keywords.Top(keywordCounts, Math.Min(query.Top, MaxKeywords));
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, (long)query.GuildId, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return new SupportSignals(0, null, keywords) { HasHelpChannels = false };
        }

        var (unanswered, threadMinutes, threads) = await ThreadsAsync(db, query, helpChannels, cancellationToken);
        var questionMinutes = await QuestionsAsync(db, query, helpChannels, cancellationToken);
        var resolutionMinutes = await SupportResolution.MinutesAsync(db, (long)query.GuildId, query.Window.StartAt, query.Window.EndAt, threads, cancellationToken);
        return new SupportSignals(unanswered.Count, Median([.. threadMinutes, .. questionMinutes]), keywords)
        {
            Escalations = await SupportEscalationReads.ReadAsync(db, query, helpChannels, threads, options.Value.EscalationPeriod, cancellationToken),
            ResolvedShare = threads.Count == 0 ? null : Math.Round((double)resolutionMinutes.Count / threads.Count, 3, MidpointRounding.AwayFromZero),
            MedianResolutionMinutes = Median(resolutionMinutes),
            P90ResolutionMinutes = Percentile90(resolutionMinutes),
            MedianThreadFirstResponseMinutes = Median(threadMinutes),
            MedianMessageFirstResponseMinutes = Median(questionMinutes),
            P90FirstResponseMinutes = Percentile90([.. threadMinutes, .. questionMinutes]),
            HasHelpChannels = true,
            UnansweredThreadList = await ListAsync(db, query, unanswered, cancellationToken),
        };
    }

    /// <summary>
    /// A window's help threads were once read in chunks of this many thread ids (SQLite takes at most 32,766 parameters
    /// per statement); the stored facts are now one range read, and the tests keep a window above this size.
    /// </summary>
    public const int ThreadIdsPerRead = 5_000;

    /// <summary>
    /// The help threads started in the window with their first responses: one row each from <c>supportThreads</c> (the
    /// writer keeps them, <see cref="SupportThread"/>), never their messages.
    /// </summary>
    private async Task<(List<StartedThread> Unanswered, List<double> Minutes, List<HelpThreadFacts> Threads)> ThreadsAsync(AnalyticsDbContext db, AnalyticsQuery query, List<long> helpChannels, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        var threads = await (
            from t in db.SupportThreads
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where t.GuildId == guild && t.StartedAt >= startAt && t.StartedAt < endAt
                && !t.StarterGone && t.StarterAuthorId != null && (bots || !t.StarterIsBot)
                && c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value)
            select new { t.ThreadId, t.StarterAuthorId, t.StartedAt, Response = bots ? t.FirstResponseWithBotsAt : t.FirstResponseAt, ParentId = c.ParentId!.Value })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var within = (long)AnswerWithin.TotalMilliseconds;
        var unanswered = new List<StartedThread>();
        var minutes = new List<double>();
        foreach (var thread in threads)
        {
            if (thread.Response is { } response)
            {
                minutes.Add((response - thread.StartedAt) / 60_000.0);
            }

            var answeredInTime = thread.Response is { } answer && answer - thread.StartedAt <= within;
            if (!answeredInTime && now >= thread.StartedAt + within)
            {
                unanswered.Add(new StartedThread(thread.ThreadId, thread.StarterAuthorId, thread.StartedAt));
            }
        }

        return (unanswered, minutes, [.. threads.Select(t => new HelpThreadFacts(t.ThreadId, t.StarterAuthorId!.Value, t.StartedAt, t.Response, t.ParentId))]);
    }

    /// <summary>
    /// Minutes to the answer of each answered question asked directly in a help channel in the window: one row each
    /// from <c>supportQuestions</c> (the writer keeps them, <see cref="SupportQuestion"/>), of the IncludeBots view asked.
    /// </summary>
    private static async Task<List<double>> QuestionsAsync(AnalyticsDbContext db, AnalyticsQuery query, List<long> helpChannels, CancellationToken cancellationToken)
    {
        var (guild, startAt, endAt, bots) = ((long)query.GuildId, query.Window.StartAt, query.Window.EndAt, query.IncludeBots);
        var minutes = new List<double>();
        // One range of the (guild, view, channel, time) index per help channel: with the channels as one IN list SQLite
        // chose to scan every question of the view (all channels, all time) instead.
        foreach (var channel in helpChannels)
        {
            var waits = await db.SupportQuestions
                .Where(q => q.GuildId == guild && q.WithBots == bots && q.ChannelId == channel && q.AskedAt >= startAt && q.AskedAt < endAt
                    && q.AnsweredAt != null)
                .Select(q => q.AnsweredAt!.Value - q.AskedAt)
                .ToListAsync(cancellationToken);
            minutes.AddRange(waits.Select(wait => wait / 60_000.0));
        }

        return minutes;
    }

    /// <summary>The newest unanswered threads with their names (withheld for a hidden member's) and parent channel.</summary>
    private static async Task<IReadOnlyList<UnansweredHelpThread>> ListAsync(AnalyticsDbContext db, AnalyticsQuery query, List<StartedThread> starters, CancellationToken cancellationToken)
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

    private sealed record StartedThread(long Thread, long? AuthorId, long CreatedAt);
}
