namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Emojis typed in the content of the counted messages of one UTC day (the messages' creation day), per author kind:
/// each use counts (three 🎉 in one message count three). Kept apart from <see cref="EmojiDay"/> (reactions), whose sum
/// over emojis is the channels' reactions.
/// </summary>
public sealed class ContentEmojiDay
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    /// <summary>The unicode emoji as typed (a grapheme cluster), or <c>name:id</c> for a custom one.</summary>
    public string Emoji { get; set; } = string.Empty;

    public bool IsBot { get; set; }

    public long Count { get; set; }
}
