using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// When each of a window's help threads was resolved (rules: <see cref="SupportSignalsQuery"/>), read from the marks the
/// writer keeps (<see cref="ThreadTagSeen"/>, <see cref="ForumSolvedTag"/>, <see cref="ThreadClosing"/>). Whether a
/// closing came after the first response is decided here, so an answer ingested late still counts.
/// </summary>
internal static class SupportResolution
{
    /// <summary>
    /// When each resolved thread of <paramref name="threads"/> was resolved (epoch ms). With <paramref name="from"/> the
    /// threads are those started from then on and the marks are read by that range of supportThreads' start index; without
    /// it, by the threads' ids (a few threads told changed).
    /// </summary>
    public static async Task<Dictionary<long, long>> ResolvedAtAsync(AnalyticsDbContext db, long guild, IReadOnlyList<HelpThreadFacts> threads, long? from, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<long, long>();
        if (threads.Count == 0)
        {
            return resolved;
        }

        var ids = threads.Select(t => t.ThreadId).ToList();
        var closingRows = from is { } since
            ? await (
                from k in db.Set<ThreadClosing>()
                join t in db.SupportThreads on new { k.GuildId, k.ThreadId } equals new { t.GuildId, t.ThreadId }
                where t.GuildId == guild && t.StartedAt >= since
                select new { k.ThreadId, k.ClosedAt })
                .ToListAsync(cancellationToken)
            : await db.Set<ThreadClosing>()
                .Where(k => k.GuildId == guild && ids.Contains(k.ThreadId))
                .Select(k => new { k.ThreadId, k.ClosedAt })
                .ToListAsync(cancellationToken);
        var closings = closingRows.ToLookup(k => k.ThreadId, k => k.ClosedAt);
        var tagRows = from is { } start
            ? await (
                from g in db.Set<ThreadTagSeen>()
                join t in db.SupportThreads on new { g.GuildId, g.ThreadId } equals new { t.GuildId, t.ThreadId }
                where t.GuildId == guild && t.StartedAt >= start
                select new { g.ThreadId, g.TagId, g.FirstSeenAt })
                .ToListAsync(cancellationToken)
            : await db.Set<ThreadTagSeen>()
                .Where(g => g.GuildId == guild && ids.Contains(g.ThreadId))
                .Select(g => new { g.ThreadId, g.TagId, g.FirstSeenAt })
                .ToListAsync(cancellationToken);
        var tags = tagRows.ToLookup(g => g.ThreadId);
        var parents = threads.Select(t => t.ParentId).Distinct().ToList();
        var solved = (await db.Set<ForumSolvedTag>()
            .Where(f => f.GuildId == guild && parents.Contains(f.ChannelId))
            .Select(f => new { f.ChannelId, f.TagId })
            .ToListAsync(cancellationToken))
            .Select(f => (f.ChannelId, f.TagId))
            .ToHashSet();

        foreach (var thread in threads)
        {
            var tagged = tags[thread.ThreadId]
                .Where(g => solved.Contains((thread.ParentId, g.TagId)))
                .Select(g => (long?)g.FirstSeenAt)
                .Min();
            var closed = thread.Response is { } response
                ? closings[thread.ThreadId].Where(at => at >= response).Select(at => (long?)at).Min()
                : null;
            if (Earliest(tagged, closed) is { } resolvedAt)
            {
                resolved[thread.ThreadId] = resolvedAt;
            }
        }

        return resolved;
    }

    private static long? Earliest(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
