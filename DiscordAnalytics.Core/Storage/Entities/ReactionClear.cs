namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// The latest REMOVE_ALL (<see cref="Emoji"/> empty) or REMOVE_EMOJI of a message. A clear removes every
/// matching reaction added up to <see cref="ClearedAt"/>, including those whose add arrives only after
/// the clear (a re-delivery, or events out of order): an add no newer than the clear changes nothing.
/// </summary>
public sealed class ReactionClear
{
    public long GuildId { get; set; }

    public long MessageId { get; set; }

    /// <summary>The emoji cleared, or empty for every emoji.</summary>
    public string Emoji { get; set; } = string.Empty;

    /// <summary>When the latest such clear happened (epoch ms).</summary>
    public long ClearedAt { get; set; }
}
