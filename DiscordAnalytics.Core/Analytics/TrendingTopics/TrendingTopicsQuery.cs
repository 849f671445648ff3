using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.TrendingTopics;

/// <summary>
/// Summary <c>trendingTopics</c>: the terms whose share of the window's messages rose most against the previous window of
/// equal length, from the same keyword days as the common keywords (<see cref="KeywordDays"/>: hidden members' words
/// never count, stop words left out). A share is the messages holding the term over the window's human messages, so
/// a partial today compares fairly with a whole previous window. A term needs at least <see cref="MinCount"/>
/// messages in the window; ties by keyword ascending.
/// </summary>
public sealed class TrendingTopicsQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    public const int MaxTopics = 10;

    public const int MinCount = 3;

    public async Task<IReadOnlyList<TrendingTopic>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, window, previous) = ((long)query.GuildId, query.Window, query.Window.Previous);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = await HumanMessagesAsync(db, guild, window, cancellationToken);
        if (messages == 0)
        {
            return [];
        }

        var previousMessages = await HumanMessagesAsync(db, guild, previous, cancellationToken);
        var counts = await KeywordDays.CountsAsync(db, guild, window.StartDay, window.EndDay, now, cancellationToken);
        var before = await KeywordDays.CountsAsync(db, guild, previous.StartDay, previous.EndDay, now, cancellationToken);

        double Share(long count, long total) => total == 0 ? 0 : (double)count / total;
        return [.. counts
            .Where(c => c.Value >= MinCount)
            .Select(c => new TrendingTopic(c.Key, c.Value, before.GetValueOrDefault(c.Key)))
            .Select(t => (Topic: t, Rise: Share(t.Count, messages) - Share(t.PreviousCount, previousMessages)))
            .Where(t => t.Rise > 0)
            .OrderByDescending(t => t.Rise)
            .ThenBy(t => t.Topic.Keyword, StringComparer.Ordinal)
            .Take(Math.Min(query.Top, MaxTopics))
            .Select(t => t.Topic)];
    }

    private static Task<long> HumanMessagesAsync(AnalyticsDbContext db, long guild, AnalyticsWindow window, CancellationToken cancellationToken) =>
        db.ChannelDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= window.StartDay && r.Day < window.EndDay && !r.IsBot)
            .SumAsync(r => r.MessageCount, cancellationToken);
}
