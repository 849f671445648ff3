namespace DiscordAnalytics.Core.Analytics.Emojis;

/// <summary>Where an emoji was used: counted apart, since a reaction is a vote on a message and a typed emoji is part of one.</summary>
public enum EmojiSource
{
    /// <summary>Present reactions on the window's messages (<c>emojiDays</c>): the summary's <c>topEmojis</c>.</summary>
    Reactions,

    /// <summary>Emojis typed in the window's counted messages (<c>contentEmojiDays</c>): the summary's <c>topMessageEmojis</c>.</summary>
    Messages,
}
