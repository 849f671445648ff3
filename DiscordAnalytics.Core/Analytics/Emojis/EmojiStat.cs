using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Analytics.Emojis;

/// <summary>
/// Summary <c>topEmojis</c> and <c>topMessageEmojis</c> entry: the unicode emoji itself, or <c>name:id</c> for a custom
/// one, and how many reactions (or uses in messages) it had in the window.
/// </summary>
public sealed record EmojiStat(string Emoji, long Count)
{
    /// <summary>The custom emoji's name (<c>name:id</c>), or null for a unicode emoji.</summary>
    [JsonIgnore]
    public string? CustomName => Emoji.LastIndexOf(':') is > 0 and var colon ? Emoji[..colon] : null;
}
