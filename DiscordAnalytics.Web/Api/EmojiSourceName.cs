using DiscordAnalytics.Core.Analytics.Emojis;

namespace DiscordAnalytics.Web.Api;

/// <summary>The export's <c>source</c> parameter for emojis: <c>reactions</c> (the default) or <c>messages</c>, any letter case.</summary>
public static class EmojiSourceName
{
    public static string Name(EmojiSource source) => source == EmojiSource.Messages ? "messages" : "reactions";

    /// <summary>False for a value that names neither.</summary>
    public static bool TryParse(string? text, out EmojiSource source)
    {
        source = EmojiSource.Reactions;
        if (string.IsNullOrEmpty(text) || text.Equals("reactions", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        source = EmojiSource.Messages;
        return text.Equals("messages", StringComparison.OrdinalIgnoreCase);
    }
}
