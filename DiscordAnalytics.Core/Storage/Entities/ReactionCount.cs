namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Reactions a history backfill saw counted on a message without knowing who reacted: the part of the
/// REST count per emoji that no identified <see cref="ReactionFact"/> explains. Counted for the channel and
/// top content (on the message's day), never for a member. See docs/how-it-counts.md.
/// </summary>
public sealed class ReactionCount
{
    public long GuildId { get; set; }

    public long MessageId { get; set; }

    public string Emoji { get; set; } = string.Empty;

    /// <summary>Reactions counted but not identified: max(0, observed count - identified reactors).</summary>
    public int AnonymousCount { get; set; }

    /// <summary>The channel counted (the parent channel for thread messages).</summary>
    public long ChannelId { get; set; }

    /// <summary>The day of the reacted message (from its snowflake).</summary>
    public int Day { get; set; }

    /// <summary>When the count was observed (epoch ms); identified adds before it were part of it.</summary>
    public long ObservedAt { get; set; }
}
