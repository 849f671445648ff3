using DiscordAnalytics.Core.Analytics.SupportItems;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Support health of a window (summary <c>supportSignals</c>), from the facts the ingestion writer keeps per thread
/// (<see cref="SupportThread"/>) and per question (<see cref="SupportQuestion"/>), never from the messages, held in memory
/// per guild and view (<see cref="SupportItemIndex"/>): a reload after a live event re-reads what the event changed.
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
public sealed class SupportSignalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, KeywordDayCache keywordDays, IOptions<SupportOptions> options, SupportItemIndex items)
{
    /// <summary>With help threads and questions held by an index of its own, told no commits (it compares stored versions).</summary>
    public SupportSignalsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, KeywordDayCache keywordDays, IOptions<SupportOptions> options)
        : this(contexts, time, keywordDays, options, new SupportItemIndex(NullLogger<SupportItemIndex>.Instance))
    {
    }

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
        // One connection for the call's few statements: each open of a pooled one runs the store's pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var keywords = Keywords.Top(keywordCounts, Math.Min(query.Top, MaxKeywords));
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, (long)query.GuildId, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return new SupportSignals(0, null, keywords) { HasHelpChannels = false };
        }

        var figures = await items.FiguresAsync(
            db, (long)query.GuildId, query.IncludeBots, helpChannels, query.Window.StartAt, query.Window.EndAt, time.GetUtcNow().ToUnixTimeMilliseconds(),
            (long)options.Value.EscalationPeriod.TotalMilliseconds, Math.Max(MaxUnansweredListed, MaxEscalationsListed), cancellationToken);
        List<FoundEscalation> escalations = [.. figures.NewestEscalations.Take(MaxEscalationsListed)];
        List<StartedThread> unanswered = [.. figures.NewestUnanswered.Take(MaxUnansweredListed).Select(t => new StartedThread(t.ThreadId, t.AuthorId, t.StartedAt))];
        // Both lists name their members' content by the same privacy choices: read once, and only when something is listed.
        var visible = escalations.Count + unanswered.Count == 0 ? null : await VisibleMembers.LoadAsync(db, (long)query.GuildId, cancellationToken);
        return new SupportSignals(figures.Unanswered, figures.MedianMinutes, keywords)
        {
            Escalations = new SupportEscalations(figures.Escalations, await SupportEscalationReads.ListAsync(db, (long)query.GuildId, escalations, visible, cancellationToken)),
            ResolvedShare = figures.Threads == 0 ? null : Math.Round((double)figures.Resolved / figures.Threads, 3, MidpointRounding.AwayFromZero),
            MedianResolutionMinutes = figures.MedianResolutionMinutes,
            P90ResolutionMinutes = figures.P90ResolutionMinutes,
            MedianThreadFirstResponseMinutes = figures.MedianThreadMinutes,
            MedianMessageFirstResponseMinutes = figures.MedianQuestionMinutes,
            P90FirstResponseMinutes = figures.P90Minutes,
            HasHelpChannels = true,
            UnansweredThreadList = await ListAsync(db, query, unanswered, visible, cancellationToken),
        };
    }

    /// <summary>
    /// A window's help threads were once read in chunks of this many thread ids (SQLite takes at most 32,766 parameters
    /// per statement); the stored facts are now one range read, and the tests keep a window above this size.
    /// </summary>
    public const int ThreadIdsPerRead = 5_000;

    /// <summary>The newest unanswered threads with their names (withheld for a hidden member's) and parent channel.</summary>
    private static async Task<IReadOnlyList<UnansweredHelpThread>> ListAsync(AnalyticsDbContext db, AnalyticsQuery query, List<StartedThread> starters, VisibleMembers? visible, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var newest = starters.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Thread).Take(MaxUnansweredListed).ToList();
        if (newest.Count == 0 || visible is null)
        {
            return [];
        }

        var threadIds = newest.Select(s => s.Thread).ToList();
        var threads = await db.Channels
            .Where(c => c.GuildId == guild && threadIds.Contains(c.ChannelId))
            .Select(c => new { c.ChannelId, c.Name, c.ParentId })
            .ToDictionaryAsync(c => c.ChannelId, cancellationToken);
        var parentIds = threads.Values.Select(t => t.ParentId ?? 0).Distinct().ToList();
        var parents = await Names.OfChannelsAsync(db, guild, parentIds, cancellationToken);
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
