using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Kinds;

/// <summary>
/// Messages by kind from their rollups (<c>messageKindDays</c>: per guild, UTC day and author kind), the window's days and
/// the previous window's in one range of the key, so the read grows with days, not messages. The previous window is
/// whole (shares and an average are ratios, so a partial today compares fairly with it). Bots only when asked for.
/// </summary>
public sealed class MessageKindsQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<MessageKindsSummary> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, window, previous) = ((long)query.GuildId, query.Window, query.Window.Previous);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MessageKindDays
            .Where(r => r.GuildId == guild && r.Day >= previous.StartDay && r.Day < window.EndDay && (query.IncludeBots || !r.IsBot))
            .Select(r => new { Current = r.Day >= window.StartDay, r.Messages, r.WithAttachments, r.WithLinks, r.Replies, r.WithMentions, r.TotalLength })
            .ToListAsync(cancellationToken);

        MessageKindStats Sum(bool current)
        {
            var part = rows.Where(r => r.Current == current).ToList();
            var messages = part.Sum(r => r.Messages);
            return messages <= 0
                ? MessageKindStats.Empty
                : new MessageKindStats(
                    messages,
                    part.Sum(r => r.WithAttachments),
                    part.Sum(r => r.WithLinks),
                    part.Sum(r => r.Replies),
                    part.Sum(r => r.WithMentions),
                    Math.Round((double)part.Sum(r => r.TotalLength) / messages, 1, MidpointRounding.AwayFromZero));
        }

        return new MessageKindsSummary(Sum(current: true), Sum(current: false), await CountedFromAsync(db, guild, window.EndDay, cancellationToken));
    }

    /// <summary>
    /// The first day with kinds when an earlier day has messages (both the first in their key's order, two short reads):
    /// the messages' daily rollups are kept for every stored day, the kinds' only since the version that records them. With
    /// no kinds stored at all, the window's end (nothing in it is counted).
    /// </summary>
    private static async Task<DateOnly?> CountedFromAsync(AnalyticsDbContext db, long guild, int endDay, CancellationToken cancellationToken)
    {
        var messagesFrom = await db.ChannelDailyRollups.AsNoTracking()
            .Where(r => r.GuildId == guild && r.MessageCount > 0)
            .OrderBy(r => r.Day).Select(r => (int?)r.Day).FirstOrDefaultAsync(cancellationToken);
        if (messagesFrom is not { } firstMessages)
        {
            return null;
        }

        var kindsFrom = await db.MessageKindDays.AsNoTracking()
            .Where(r => r.GuildId == guild && r.Messages > 0)
            .OrderBy(r => r.Day).Select(r => (int?)r.Day).FirstOrDefaultAsync(cancellationToken);
        return kindsFrom is { } firstKinds && firstKinds <= firstMessages ? null : DayBucket.ToDate(kindsFrom ?? endDay);
    }
}
