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
    /// <summary>Minutes from start to resolution of each resolved thread (never negative).</summary>
    public static async Task<List<double>> MinutesAsync(AnalyticsDbContext db, long guild, long startAt, long endAt, IReadOnlyList<HelpThreadFacts> threads, CancellationToken cancellationToken)
    {
        if (threads.Count == 0)
        {
            return [];
        }

        // Both reads follow the window's range of supportThreads' start index: few rows, whatever the window.
        var closings = (await (
            from k in db.Set<ThreadClosing>()
            join t in db.SupportThreads on new { k.GuildId, k.ThreadId } equals new { t.GuildId, t.ThreadId }
            where t.GuildId == guild && t.StartedAt >= startAt && t.StartedAt < endAt
            select new { k.ThreadId, k.ClosedAt })
            .ToListAsync(cancellationToken))
            .ToLookup(k => k.ThreadId, k => k.ClosedAt);
        var tags = (await (
            from g in db.Set<ThreadTagSeen>()
            join t in db.SupportThreads on new { g.GuildId, g.ThreadId } equals new { t.GuildId, t.ThreadId }
            where t.GuildId == guild && t.StartedAt >= startAt && t.StartedAt < endAt
            select new { g.ThreadId, g.TagId, g.FirstSeenAt })
            .ToListAsync(cancellationToken))
            .ToLookup(g => g.ThreadId);
        var parents = threads.Select(t => t.ParentId).Distinct().ToList();
        var solved = (await db.Set<ForumSolvedTag>()
            .Where(f => f.GuildId == guild && parents.Contains(f.ChannelId))
            .Select(f => new { f.ChannelId, f.TagId })
            .ToListAsync(cancellationToken))
            .Select(f => (f.ChannelId, f.TagId))
            .ToHashSet();

        var minutes = new List<double>();
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
                minutes.Add(Math.Max(0, resolvedAt - thread.StartedAt) / 60_000.0);
            }
        }

        return minutes;
    }

    private static long? Earliest(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
