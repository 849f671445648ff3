using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Emojis;

/// <summary>
/// Summary <c>topEmojis</c>: the emojis of the window's present reactions (on the window's messages' days, like every
/// reaction count), most used first, ties by emoji (ordinal). From the emoji rollups (<c>emojiDays</c>), one range of the
/// key. Reactions only: the emojis in message content are not counted. Bots' reactions only when asked for.
/// </summary>
public sealed class TopEmojisQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<IReadOnlyList<EmojiStat>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, window) = ((long)query.GuildId, query.Window);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.EmojiDays
            .Where(r => r.GuildId == guild && r.Day >= window.StartDay && r.Day < window.EndDay && (query.IncludeBots || !r.IsBot))
            .GroupBy(r => r.Emoji)
            .Select(g => new { Emoji = g.Key, Count = g.Sum(r => r.Count) })
            .ToListAsync(cancellationToken);
        return [.. counts
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Emoji, StringComparer.Ordinal)
            .Take(query.Top)
            .Select(c => new EmojiStat(c.Emoji, c.Count))];
    }
}
