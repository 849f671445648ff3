namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Top-content candidates: one row per message that has present reactions, bucketed by the message's
/// day. The "most reacted" card ranks these; excerpt and author come from the message fact.
/// </summary>
public sealed class TopContentDaily
{
    public long GuildId { get; set; }

    public long MessageId { get; set; }

    public int Day { get; set; }

    public long ChannelId { get; set; }

    /// <summary>Present reactions by humans.</summary>
    public long ReactionScore { get; set; }

    /// <summary>Present reactions by bots (counted only with Discord:IncludeBots).</summary>
    public long BotReactionScore { get; set; }
}
