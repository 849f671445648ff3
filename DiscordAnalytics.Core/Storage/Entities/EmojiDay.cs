namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Present reactions with one emoji on the messages of one UTC day (the day a reaction counts on, its message's), per
/// reactor kind. Anonymous reactions a backfill counted are not bots'. The sum over emojis is the channels' reactions.
/// </summary>
public sealed class EmojiDay
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    /// <summary>The unicode emoji itself, or <c>name:id</c> for a custom one.</summary>
    public string Emoji { get; set; } = string.Empty;

    public bool IsBot { get; set; }

    public long Count { get; set; }
}
