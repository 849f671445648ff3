namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>Per channel, UTC day and author kind (human or bot): what the channel cards and totals read.</summary>
public sealed class ChannelDailyRollup
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    public long ChannelId { get; set; }

    /// <summary>Bot activity is kept in its own rows so Discord:IncludeBots can change at query time.</summary>
    public bool IsBot { get; set; }

    public long MessageCount { get; set; }

    /// <summary>Present reactions on messages created this day in this channel.</summary>
    public long ReactionCount { get; set; }

    public long ThreadCount { get; set; }

    /// <summary>Deletes observed this day (counted on their own; the deleted message also leaves MessageCount).</summary>
    public long DeletedCount { get; set; }
}
