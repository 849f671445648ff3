using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Emojis;

/// <summary>
/// Summary <c>topEmojis</c> and <c>topMessageEmojis</c>: the window's most used emojis, most used first, ties by emoji
/// (ordinal), from one of two rollups read as one range of the key. <see cref="EmojiSource.Reactions"/>: the present
/// reactions on the window's messages' days, like every reaction count (<c>emojiDays</c>). <see cref="EmojiSource.Messages"/>:
/// each use of an emoji typed in the content of the window's counted messages, as their newest edit has it
/// (<c>contentEmojiDays</c>). Bots' only when asked for.
/// </summary>
public sealed class TopEmojisQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The reactions' emojis (the summary's <c>topEmojis</c>).</summary>
    public Task<IReadOnlyList<EmojiStat>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        RunAsync(query, EmojiSource.Reactions, cancellationToken);

    public async Task<IReadOnlyList<EmojiStat>> RunAsync(AnalyticsQuery query, EmojiSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (guild, window) = ((long)query.GuildId, query.Window);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Both rollups have the same shape: one projection, so the window's filter and sum are written once.
        var rows = source == EmojiSource.Messages
            ? db.ContentEmojiDays.Select(r => new { r.GuildId, r.Day, r.Emoji, r.IsBot, r.Count })
            : db.EmojiDays.Select(r => new { r.GuildId, r.Day, r.Emoji, r.IsBot, r.Count });
        var counts = await rows
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
