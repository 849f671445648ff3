using System.Text.RegularExpressions;
using DiscordAnalytics.Core.Ingestion.Emojis;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// What a message carries, measured where its whole content is still at hand (the normalizer, the demo), so the store
/// keeps numbers and an excerpt, never the content. Whether it is a reply is not here: <see cref="IngestEvent.ReferencedMessageId"/> says so.
/// </summary>
public sealed partial record MessageShape(int Length, int Attachments, int Mentions, bool HasLink)
{
    /// <summary>The emojis typed in the content (<see cref="ContentEmojis.Find"/>'s stored form); null when none.</summary>
    public string? Emojis { get; init; }

    /// <summary>Measures <paramref name="content"/>: length in Unicode code points, whether it holds an http(s) link, and its emojis.</summary>
    public static MessageShape Of(string content, int attachments, int mentions) =>
        new(CodePoints(content), attachments, mentions, Link().IsMatch(content)) { Emojis = ContentEmojis.Find(content) };

    private static int CodePoints(string content)
    {
        var count = 0;
        foreach (var _ in content.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"https?://\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
