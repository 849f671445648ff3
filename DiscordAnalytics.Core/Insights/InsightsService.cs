using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Generates insights for a question (summary, then the configured generator) and keeps the last result per
/// question (guild + window + bots), so a dashboard shows it again without calling a model: generation is on
/// demand, never on a live refresh. At most <see cref="MaxCached"/> questions are kept; the oldest goes first.
/// </summary>
public sealed class InsightsService(SummaryQuery summaries, IInsightGenerator generator, TimeProvider time)
{
    public const int MaxCached = 64;

    private readonly ConcurrentDictionary<AnalyticsQuery, GeneratedInsights> _cache = new();

    /// <summary>The last result for <paramref name="query"/>, if one was generated (the list length is not part of the question).</summary>
    public GeneratedInsights? Cached(AnalyticsQuery query) => _cache.GetValueOrDefault(Key(query));

    /// <summary>Generates (again) and caches; null when the guild is unknown. Generator failures are in the report, not thrown.</summary>
    public async Task<GeneratedInsights?> GenerateAsync(AnalyticsQuery query, CancellationToken ct)
    {
        var key = Key(query);
        var summary = await summaries.RunAsync(key, ct);
        if (summary is null)
        {
            return null;
        }

        var report = await generator.GenerateAsync(summary, ct);
        var generated = new GeneratedInsights(key, report, time.GetUtcNow());
        _cache[key] = generated;
        foreach (var stale in _cache.Values.OrderByDescending(g => g.GeneratedAt).Skip(MaxCached).ToList())
        {
            _cache.TryRemove(stale.Query, out _);
        }

        return generated;
    }

    /// <summary>Drops the guild's kept results: they may name a member who has since been hidden or forgotten.</summary>
    public void Forget(ulong guildId)
    {
        foreach (var query in _cache.Keys.Where(q => q.GuildId == guildId).ToList())
        {
            _cache.TryRemove(query, out _);
        }
    }

    /// <summary>Insights always read the default list length, so the cache key is guild, window and bots.</summary>
    private static AnalyticsQuery Key(AnalyticsQuery query) => query with { Top = AnalyticsQuery.DefaultTop };
}
