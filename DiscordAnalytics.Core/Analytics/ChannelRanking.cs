namespace DiscordAnalytics.Core.Analytics;

public enum ChannelRanking
{
    ByMessages,
    ByReactions,
}
