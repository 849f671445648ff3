using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Channels ranked by messages or by reactions in a window; threads count for their parent. Each listed
/// channel also carries its numbers in the previous window, cut to the same elapsed time as this one
/// (<see cref="ComparisonWindow"/>: whole days from the rollups, the cut day's first hours from <see cref="PartialDayTotals"/>).
/// </summary>
public sealed class TopChannelsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<ChannelStat>> RunAsync(AnalyticsQuery query, ChannelRanking ranking, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var sums = db.ChannelDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => r.ChannelId)
            .Select(g => new
            {
                ChannelId = g.Key,
                Messages = g.Sum(r => r.MessageCount),
                Reactions = g.Sum(r => r.ReactionCount),
                Threads = g.Sum(r => r.ThreadCount),
            })
            .Where(x => x.Messages > 0 || x.Reactions > 0 || x.Threads > 0);

        var ranked = ranking == ChannelRanking.ByReactions
            ? sums.OrderByDescending(x => x.Reactions).ThenByDescending(x => x.Messages).ThenBy(x => x.ChannelId)
            : sums.OrderByDescending(x => x.Messages).ThenByDescending(x => x.Reactions).ThenBy(x => x.ChannelId);
        var top = await ranked.Take(query.Top).ToListAsync(cancellationToken);

        var ids = top.Select(x => x.ChannelId).ToList();
        var names = await db.Channels
            .Where(c => c.GuildId == guild && ids.Contains(c.ChannelId))
            .ToDictionaryAsync(c => c.ChannelId, c => c.Name, cancellationToken);

        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        var cut = span.HasPartialDay && top.Count > 0
            ? await PartialDayTotals.ItemsAsync(db, guild, span.CutDay, span.EndAt, bots, cancellationToken)
            : PartialDayTotals.Nothing;
        var (previousStart, previousEnd) = (span.StartDay, span.CutDay);
        var previous = await db.ChannelDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= previousStart && r.Day < previousEnd && (bots || !r.IsBot) && ids.Contains(r.ChannelId))
            .GroupBy(r => r.ChannelId)
            .Select(g => new { ChannelId = g.Key, Messages = g.Sum(r => r.MessageCount), Reactions = g.Sum(r => r.ReactionCount) })
            .ToDictionaryAsync(x => x.ChannelId, cancellationToken);

        return [.. top.Select(x => new ChannelStat(
            x.ChannelId.ToString(),
            Names.OrId(names.GetValueOrDefault(x.ChannelId), x.ChannelId),
            x.Messages,
            x.Reactions,
            x.Threads)
        {
            PreviousMessageCount = (previous.GetValueOrDefault(x.ChannelId)?.Messages ?? 0) + cut.MessagesIn.GetValueOrDefault(x.ChannelId),
            PreviousReactionCount = (previous.GetValueOrDefault(x.ChannelId)?.Reactions ?? 0) + cut.ReactionsIn.GetValueOrDefault(x.ChannelId),
        })];
    }
}
