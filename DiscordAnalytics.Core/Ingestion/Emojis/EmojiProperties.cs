using System.Globalization;
using System.Reflection;

namespace DiscordAnalytics.Core.Ingestion.Emojis;

/// <summary>
/// The emoji properties of UTS #51 per code point, read once from Unicode's own <c>emoji-data.txt</c> (embedded
/// verbatim beside this file; updating to a newer Unicode version is replacing that file). .NET splits text into
/// grapheme clusters but does not say which code points are emoji, and no maintained NuGet package does either.
/// </summary>
internal sealed class EmojiProperties
{
    private const string ResourceName = "DiscordAnalytics.Core.Ingestion.Emojis.emoji-data.txt";

    private readonly HashSet<int> _emoji = [];
    private readonly HashSet<int> _presentation = [];
    private readonly HashSet<int> _modifiers = [];
    private readonly HashSet<int> _future = [];

    /// <summary>The table of the embedded file, read on first use.</summary>
    public static EmojiProperties Unicode { get; } = Load();

    /// <summary>Emoji=Yes: shown as an emoji at least with U+FE0F (digits, # and * included).</summary>
    public bool IsEmoji(int codePoint) => _emoji.Contains(codePoint);

    /// <summary>Emoji_Presentation=Yes: an emoji on its own, with no selector.</summary>
    public bool HasEmojiPresentation(int codePoint) => _presentation.Contains(codePoint);

    /// <summary>Emoji_Modifier: the five skin tones.</summary>
    public bool IsModifier(int codePoint) => _modifiers.Contains(codePoint);

    /// <summary>
    /// A code point the table reserves for future pictographs (Extended_Pictographic, unassigned when it was written):
    /// emojis added after it default to emoji presentation, so they count before the file is updated.
    /// </summary>
    public bool IsFuturePictograph(int codePoint) => _future.Contains(codePoint);

    private static EmojiProperties Load()
    {
        using var stream = typeof(EmojiProperties).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(EmojiProperties).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var properties = new EmojiProperties();
        while (reader.ReadLine() is { } line)
        {
            // "1FA89..1FA8F  ; Extended_Pictographic# E0.0   [7] (🪉..🪏)    <reserved-1FA89>..<reserved-1FA8F>"
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var data = hash < 0 ? line : line[..hash];
            var semicolon = data.IndexOf(';', StringComparison.Ordinal);
            if (semicolon < 0)
            {
                continue;
            }

            var range = data[..semicolon].Trim();
            var dots = range.IndexOf("..", StringComparison.Ordinal);
            var first = int.Parse(dots < 0 ? range : range[..dots], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = dots < 0 ? first : int.Parse(range[(dots + 2)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var set = data[(semicolon + 1)..].Trim() switch
            {
                "Emoji" => properties._emoji,
                "Emoji_Presentation" => properties._presentation,
                "Emoji_Modifier" => properties._modifiers,
                "Extended_Pictographic" when IsReserved(line, hash) => properties._future,
                _ => null,
            };
            for (var codePoint = first; set is not null && codePoint <= last; codePoint++)
            {
                set.Add(codePoint);
            }
        }

        return properties;
    }

    /// <summary>A range whose comment names only reserved code points: "(🪉..🪏)    &lt;reserved-1FA89&gt;..".</summary>
    private static bool IsReserved(string line, int hash)
    {
        var names = line.LastIndexOf(')');
        return hash >= 0 && names > hash && line[(names + 1)..].TrimStart().StartsWith("<reserved-", StringComparison.Ordinal);
    }
}
