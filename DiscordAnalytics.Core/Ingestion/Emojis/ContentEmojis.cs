using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DiscordAnalytics.Core.Ingestion.Emojis;

/// <summary>
/// The emojis typed in a message's content, found where the whole content is at hand (<see cref="MessageShape.Of"/>):
/// custom emojis <c>&lt;:name:id&gt;</c> and <c>&lt;a:name:id&gt;</c> as <c>name:id</c> (the key a reaction with them has),
/// and unicode emojis as the grapheme cluster typed (UAX #29, so a ZWJ family, a skin tone, a flag, a keycap or a tag
/// sequence is one emoji). Each use counts. Stored on the message as one text (<see cref="Encode"/>), so an edit, a
/// delete or a forget takes back exactly what was counted.
/// </summary>
public static partial class ContentEmojis
{
    private const char Separator = ' ';
    private const int TextPresentation = 0xFE0E, EmojiPresentation = 0xFE0F, Keycap = 0x20E3;
    private const int FirstRegionalIndicator = 0x1F1E6, LastRegionalIndicator = 0x1F1FF;

    /// <summary>Every emoji used in <paramref name="content"/>, in order, as <see cref="Encode"/> stores them; null when there is none.</summary>
    public static string? Find(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var found = new List<string>();
        var at = 0;
        foreach (Match custom in Custom().Matches(content))
        {
            AddUnicode(content.AsSpan(at, custom.Index - at), found);
            found.Add($"{custom.Groups["name"].Value}:{custom.Groups["id"].Value}");
            at = custom.Index + custom.Length;
        }

        AddUnicode(content.AsSpan(at), found);
        return Encode(found);
    }

    /// <summary>The stored form: the emojis joined by a space (no emoji and no custom name holds one); null for none.</summary>
    public static string? Encode(IReadOnlyCollection<string> emojis) =>
        emojis.Count == 0 ? null : string.Join(Separator, emojis);

    /// <summary>Each emoji of a stored value with how many times it was used; nothing for null.</summary>
    public static IEnumerable<(string Emoji, int Count)> Counts(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries).GroupBy(e => e, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));

    /// <summary>Whether one grapheme cluster is shown as an emoji (UTS #51's emoji presentation, modifier, keycap, flag and ZWJ sequences).</summary>
    public static bool IsEmoji(ReadOnlySpan<char> cluster)
    {
        var table = EmojiProperties.Unicode;
        if (Rune.DecodeFromUtf16(cluster, out var first, out var used) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var rest = cluster[used..];
        var second = Rune.DecodeFromUtf16(rest, out var next, out _) == System.Buffers.OperationStatus.Done ? next.Value : -1;
        var start = first.Value;
        if (second == TextPresentation)
        {
            return false;
        }

        if (start is >= FirstRegionalIndicator and <= LastRegionalIndicator)
        {
            // A flag is a pair; a lone regional indicator is a letter.
            return second is >= FirstRegionalIndicator and <= LastRegionalIndicator;
        }

        if (start is '#' or '*' or (>= '0' and <= '9'))
        {
            return rest.Contains((char)Keycap);
        }

        return table.HasEmojiPresentation(start)
            || table.IsFuturePictograph(start)
            || (table.IsEmoji(start) && (rest.Contains((char)EmojiPresentation) || (second >= 0 && table.IsModifier(second))));
    }

    private static void AddUnicode(ReadOnlySpan<char> text, List<string> found)
    {
        while (!text.IsEmpty)
        {
            var length = StringInfo.GetNextTextElementLength(text);
            var cluster = text[..length];
            // Below U+2000 a lone character is never an emoji (©, ® and keycaps need a second one): plain text costs no lookup.
            if ((length > 1 || cluster[0] >= '\u2000') && IsEmoji(cluster))
            {
                found.Add(cluster.ToString());
            }

            text = text[length..];
        }
    }

    [GeneratedRegex(@"<a?:(?<name>[A-Za-z0-9_]{2,32}):(?<id>[0-9]{1,20})>", RegexOptions.CultureInvariant)]
    private static partial Regex Custom();
}
