namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>A batch's changes to one message's top-content row: where it counts, and its reaction scores.</summary>
internal sealed class ContentDelta
{
    public int Day;
    public long ChannelId;
    public long Score;
    public long BotScore;

    /// <summary>A reaction (by a bot or not) added (+1) to or taken (-1) from the message's score.</summary>
    public void AddReaction(bool isBot, int change)
    {
        if (isBot)
        {
            BotScore += change;
        }
        else
        {
            Score += change;
        }
    }
}
