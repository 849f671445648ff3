namespace DiscordAnalytics.Core.Storage.ChannelDays;

/// <summary>What one commit added to a reacted message's top-content scores (humans' and bots'), negative for removals.</summary>
public readonly record struct ContentChange(long MessageId, long ChannelId, long Score, long BotScore);
