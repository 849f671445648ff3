namespace DiscordAnalytics.Core.Analytics.TrendingTopics;

/// <summary>A term whose share of the window's messages rose against the previous window: messages holding it in each.</summary>
public sealed record TrendingTopic(string Keyword, long Count, long PreviousCount);
