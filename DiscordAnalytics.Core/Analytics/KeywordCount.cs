namespace DiscordAnalytics.Core.Analytics;

public sealed record KeywordCount(string Keyword, long Count);
