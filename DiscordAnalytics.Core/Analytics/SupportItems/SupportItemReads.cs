using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// Reads help threads and questions with everything support signals need of each (first responses, resolution,
/// escalation), from the facts the writer keeps (<c>supportThreads</c>, <c>supportQuestions</c>, the marks): all those
/// started from a time on, or a few told changed. Rules: <see cref="SupportSignalsQuery"/>.
/// </summary>
internal static class SupportItemReads
{
    /// <summary>The help threads started from <paramref name="from"/> on; with <paramref name="ids"/>, only those of them.</summary>
    public static async Task<List<HelpThreadItem>> ThreadsAsync(
        AnalyticsDbContext db, long guild, bool bots, List<long> helpChannels, long from, List<long>? ids, List<SupportEscalationReads.Mention>? mentions, long periodMs, CancellationToken cancellationToken)
    {
        // A few told changed by their ids (the key), their start checked in memory: with both in the statement SQLite walked
        // every thread started since the first held day by the start index.
        var source = ids is null
            ? db.SupportThreads.Where(t => t.GuildId == guild && t.StartedAt >= from)
            : db.SupportThreads.Where(t => t.GuildId == guild && ids.Contains(t.ThreadId));

        var rows = await (
            from t in source
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where !t.StarterGone && t.StarterAuthorId != null && (bots || !t.StarterIsBot)
                && c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value)
            select new { t.ThreadId, t.StarterAuthorId, t.StartedAt, Response = bots ? t.FirstResponseWithBotsAt : t.FirstResponseAt, ParentId = c.ParentId!.Value })
            .ToListAsync(cancellationToken);
        List<HelpThreadFacts> threads = [.. rows.Where(t => t.StartedAt >= from).Select(t => new HelpThreadFacts(t.ThreadId, t.StarterAuthorId!.Value, t.StartedAt, t.Response, t.ParentId))];
        if (threads.Count == 0)
        {
            return [];
        }

        // A thread's mentions are in it, after its start.
        mentions ??= await SupportEscalationReads.RoleMentionsAsync(db, guild, threads.Min(t => t.StartedAt), bots, cancellationToken);
        var resolved = await SupportResolution.ResolvedAtAsync(db, guild, threads, ids is null ? from : null, cancellationToken);
        var hits = await SupportEscalationReads.ThreadHitsAsync(db, guild, threads, mentions, periodMs, cancellationToken);
        return [.. threads.Select(t => new HelpThreadItem(
            t,
            resolved.TryGetValue(t.ThreadId, out var at) ? at : null,
            hits.TryGetValue(t.ThreadId, out var hit) ? new SupportHit(hit.At, hit.Reason) : null))];
    }

    /// <summary>
    /// The questions asked from <paramref name="from"/> on in the given help channels. <paramref name="mentions"/>, when
    /// given, holds the mentions since <paramref name="from"/>.
    /// </summary>
    public static async Task<List<HelpQuestionItem>> QuestionsAsync(
        AnalyticsDbContext db, long guild, bool bots, IEnumerable<long> channels, long from, List<SupportEscalationReads.Mention>? mentions, long periodMs, CancellationToken cancellationToken)
    {
        var rows = new List<HelpQuestionRow>();
        // One range of the (guild, view, channel, time) index per help channel: with the channels as one IN list SQLite
        // chose to scan every question of the view (all channels, all time) instead.
        foreach (var channel in channels)
        {
            rows.AddRange(await Rows(db.SupportQuestions.Where(q => q.GuildId == guild && q.WithBots == bots && q.ChannelId == channel && q.AskedAt >= from))
                .ToListAsync(cancellationToken));
        }

        return await ItemsAsync(db, guild, bots, rows, mentions, periodMs, cancellationToken);
    }

    /// <summary>Those of the questions <paramref name="ids"/> (of the view) that are questions now: a few held ones a change may reach.</summary>
    public static async Task<List<HelpQuestionItem>> QuestionsAsync(AnalyticsDbContext db, long guild, bool bots, List<long> ids, long periodMs, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.SupportQuestions.Where(q => q.GuildId == guild && q.WithBots == bots && ids.Contains(q.MessageId))).ToListAsync(cancellationToken);
        return await ItemsAsync(db, guild, bots, rows, null, periodMs, cancellationToken);
    }

    private static IQueryable<HelpQuestionRow> Rows(IQueryable<Storage.Entities.SupportQuestion> questions) =>
        questions.Select(q => new HelpQuestionRow(q.MessageId, q.ChannelId, q.AuthorId, q.AskedAt, q.AnsweredAt));

    /// <summary>The rows with their escalations; <paramref name="mentions"/>, when given, holds the mentions since the earliest row's asking.</summary>
    private static async Task<List<HelpQuestionItem>> ItemsAsync(
        AnalyticsDbContext db, long guild, bool bots, List<HelpQuestionRow> rows, List<SupportEscalationReads.Mention>? mentions, long periodMs, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        mentions ??= await SupportEscalationReads.RoleMentionsAsync(db, guild, rows.Min(q => q.AskedAt), bots, cancellationToken);
        var hits = await SupportEscalationReads.QuestionHitsAsync(db, guild, bots, rows, mentions, periodMs, cancellationToken);
        return [.. rows.Select(q => new HelpQuestionItem(q, hits.TryGetValue(q.MessageId, out var hit) ? new SupportHit(hit.At, hit.Reason) : null))];
    }
}
