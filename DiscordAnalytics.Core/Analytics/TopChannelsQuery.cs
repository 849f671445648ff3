using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Channels ranked by messages or by reactions in a window; threads count for their parent. Each listed
/// channel also carries its numbers in the previous window, cut to the same elapsed time as this one
/// (<see cref="ComparisonWindow"/>: whole days from the rollups, the cut day's first hours from <see cref="PartialDayTotals"/>).
/// The rollups are kept per guild and day (<see cref="GuildChannelRollups"/>), so a reload after a live event reads the
/// days whose channel-day version moved (today's few hundred rows), then ranks the window's channels in memory.
/// </summary>
public sealed class TopChannelsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, GuildChannelRollups> _guilds = new();

    public async Task<IReadOnlyList<ChannelStat>> RunAsync(AnalyticsQuery query, ChannelRanking ranking, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        var (previousStart, previousEnd) = (span.StartDay, span.CutDay);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rollups = _guilds.GetOrAdd(guild, _ => new GuildChannelRollups());
        await rollups.SyncAsync(db, guild, Math.Min(start, previousStart), end, cancellationToken);
        if (previousEnd > end)
        {
            await rollups.SyncAsync(db, guild, end, previousEnd, cancellationToken);
        }

        List<(long ChannelId, long Messages, long Reactions, long Threads)> top;
        Dictionary<long, (long Messages, long Reactions)> previous;
        lock (rollups.Gate)
        {
            var sums = Sum(rollups, start, end, bots);
            var ranked = ranking == ChannelRanking.ByReactions
                ? sums.OrderByDescending(x => x.Value.Reactions).ThenByDescending(x => x.Value.Messages).ThenBy(x => x.Key)
                : sums.OrderByDescending(x => x.Value.Messages).ThenByDescending(x => x.Value.Reactions).ThenBy(x => x.Key);
            top = [.. ranked
                .Where(x => x.Value.Messages > 0 || x.Value.Reactions > 0 || x.Value.Threads > 0)
                .Take(query.Top)
                .Select(x => (x.Key, x.Value.Messages, x.Value.Reactions, x.Value.Threads))];
            previous = Sum(rollups, previousStart, previousEnd, bots).ToDictionary(x => x.Key, x => (x.Value.Messages, x.Value.Reactions));
        }

        var ids = top.Select(x => x.ChannelId).ToList();
        var names = await Names.OfChannelsAsync(db, guild, ids, cancellationToken);

        var cut = span.HasPartialDay && top.Count > 0
            ? await PartialDayTotals.ItemsAsync(db, guild, span.CutDay, span.EndAt, bots, cancellationToken)
            : PartialDayTotals.Nothing;

        return [.. top.Select(x => new ChannelStat(
            x.ChannelId.ToString(),
            Names.OrId(names.GetValueOrDefault(x.ChannelId), x.ChannelId),
            x.Messages,
            x.Reactions,
            x.Threads)
        {
            PreviousMessageCount = previous.GetValueOrDefault(x.ChannelId).Messages + cut.MessagesIn.GetValueOrDefault(x.ChannelId),
            PreviousReactionCount = previous.GetValueOrDefault(x.ChannelId).Reactions + cut.ReactionsIn.GetValueOrDefault(x.ChannelId),
        })];
    }

    /// <summary>Per channel, the held days' rollups of [<paramref name="start"/>, <paramref name="end"/>) summed (bots' rows only with bots).</summary>
    private static Dictionary<long, (long Messages, long Reactions, long Threads)> Sum(GuildChannelRollups rollups, int start, int end, bool bots)
    {
        var sums = new Dictionary<long, (long Messages, long Reactions, long Threads)>();
        for (var day = start; day < end; day++)
        {
            foreach (var ((channel, isBot), (messages, reactions, threads)) in rollups.Day(day))
            {
                if (bots || !isBot)
                {
                    var (m, r, t) = sums.GetValueOrDefault(channel);
                    sums[channel] = (m + messages, r + reactions, t + threads);
                }
            }
        }

        return sums;
    }
}
