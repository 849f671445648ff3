namespace DiscordAnalytics.Core.Storage.ChannelDays;

/// <summary>
/// What one commit added to a reacted message's top-content scores (humans' and bots'), negative for removals, and, when
/// the writer read them back (<see cref="ScoresAfter"/>), its scores after the commit.
/// </summary>
public readonly record struct ContentChange(long MessageId, long ChannelId, long Score, long BotScore)
{
    /// <summary>The message's scores after the commit (both zero when its row is gone); null when not read back.</summary>
    public (long Score, long BotScore)? ScoresAfter { get; init; }
}
