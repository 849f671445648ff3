namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>A reacted message among its day's leaders: its score by humans, and by bots (counted with IncludeBots only).</summary>
internal readonly record struct ContentLeader(long MessageId, long ChannelId, long Score, long BotScore)
{
    public long ScoreWith(bool bots) => Score + (bots ? BotScore : 0);
}
