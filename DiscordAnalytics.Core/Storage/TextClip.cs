namespace DiscordAnalytics.Core.Storage;

/// <summary>Shortens text to a length without cutting a surrogate pair in half.</summary>
public static class TextClip
{
    /// <summary>The longest message excerpt the store keeps, and a model is shown.</summary>
    public const int MaxExcerptLength = 280;

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? ToLength(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut];
    }
}
