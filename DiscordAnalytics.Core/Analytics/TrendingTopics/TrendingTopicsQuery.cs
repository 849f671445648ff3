using DiscordAnalytics.Core.Analytics.ChannelDays;

namespace DiscordAnalytics.Core.Analytics.TrendingTopics;

/// <summary>
/// Summary <c>trendingTopics</c>: the terms whose share of the window's messages rose most against the previous window of
/// equal length, from the same keyword days as the common keywords (<see cref="KeywordDays"/>: hidden members' words
/// never count, stop words left out). A share is the messages holding the term over the window's human messages, so
/// a partial today compares fairly with a whole previous window. A term needs at least <see cref="MinCount"/>
/// messages in the window; ties by keyword ascending. Both windows' human messages come from the channel days held in
/// memory (<see cref="ChannelDayIndex"/>) and their keyword counts from the held keyword days, so a reload after a live
/// message costs that message, not the windows.
/// </summary>
public sealed class TrendingTopicsQuery(ChannelDayIndex channelDays, KeywordDayCache keywordDays)
{
    public const int MaxTopics = 10;

    public const int MinCount = 3;

    public Task<IReadOnlyList<TrendingTopic>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken) =>
        RunAsync(query, null, cancellationToken);

    /// <summary>
    /// The same; <paramref name="windowCounts"/>, when given, are the window's keyword counts already read
    /// (<see cref="KeywordDayCache.CountsAsync"/>): the summary reads them once for this and the support signals.
    /// </summary>
    public async Task<IReadOnlyList<TrendingTopic>> RunAsync(AnalyticsQuery query, IReadOnlyDictionary<string, long>? windowCounts, CancellationToken cancellationToken)
    {
        var (guild, window, previous) = ((long)query.GuildId, query.Window, query.Window.Previous);
        // The previous window ends where this one starts: one read of the channel days covers both.
        var (messages, previousMessages) = await channelDays.ReadAsync(
            guild,
            previous.StartDay,
            window.EndDay,
            ChannelDayParts.Counts,
            day => (HumanMessages(day, window), HumanMessages(day, previous)),
            cancellationToken);
        if (messages == 0)
        {
            return [];
        }

        var counts = windowCounts ?? await keywordDays.CountsAsync(guild, window.StartDay, window.EndDay, cancellationToken);
        var before = await keywordDays.CountsAsync(guild, previous.StartDay, previous.EndDay, cancellationToken);

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

    private static long HumanMessages(Func<int, ChannelDay> day, AnalyticsWindow window)
    {
        var messages = 0L;
        for (var d = window.StartDay; d < window.EndDay; d++)
        {
            messages += day(d).Humans.Messages;
        }

        return messages;
    }
}
