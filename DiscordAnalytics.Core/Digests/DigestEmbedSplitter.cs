using System.Text;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// Splits digest Markdown into Discord messages of embeds within <see cref="EmbedLimits"/>. A <c>#</c>/<c>##</c>
/// heading starts a section and becomes its embed's title; a section longer than a description continues in
/// untitled embeds, cut at line boundaries, then (for a single overlong line) at the last space, and only
/// then anywhere, never between the two halves of a surrogate pair. Embeds are packed in order into
/// messages of at most ten embeds and 6,000 characters. The same Markdown always gives the same messages,
/// which is what lets a post resume at the first message not yet sent.
/// </summary>
public static class DigestEmbedSplitter
{
    private const string Ellipsis = "…";

    public static IReadOnlyList<DigestMessage> Split(string markdown)
    {
        var messages = new List<DigestMessage>();
        var current = new List<DigestEmbed>();
        var length = 0;
        foreach (var embed in Embeds(MarkdownText.WellFormed(markdown)))
        {
            if (current.Count == EmbedLimits.EmbedsPerMessage || length + embed.Length > EmbedLimits.TotalPerMessage)
            {
                messages.Add(new DigestMessage(current));
                current = [];
                length = 0;
            }

            current.Add(embed);
            length += embed.Length;
        }

        if (current.Count > 0)
        {
            messages.Add(new DigestMessage(current));
        }

        return messages;
    }

    private static IEnumerable<DigestEmbed> Embeds(string markdown)
    {
        string? title = null;
        var body = new List<string>();
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Heading(line) is { } heading)
            {
                foreach (var embed in SectionEmbeds(title, body))
                {
                    yield return embed;
                }

                title = heading;
                body.Clear();
            }
            else
            {
                body.Add(line.TrimEnd());
            }
        }

        foreach (var embed in SectionEmbeds(title, body))
        {
            yield return embed;
        }
    }

    /// <summary>The plain-text title of a <c>#</c> to <c>###</c> heading line, cut to the title limit; null for other lines.</summary>
    private static string? Heading(string line)
    {
        var trimmed = line.TrimStart();
        var level = trimmed.TakeWhile(c => c == '#').Count();
        if (level is < 1 or > 3 || trimmed.Length == level || trimmed[level] != ' ')
        {
            return null;
        }

        var text = MarkdownText.Plain(trimmed[level..].Trim());
        return text.Length == 0 ? null : Cut(text, EmbedLimits.Title);
    }

    private static IEnumerable<DigestEmbed> SectionEmbeds(string? title, List<string> lines)
    {
        var chunks = new List<string>();
        var chunk = new StringBuilder();
        foreach (var piece in lines.SelectMany(Pieces))
        {
            if (chunk.Length > 0 && chunk.Length + 1 + piece.Length > EmbedLimits.Description)
            {
                chunks.Add(chunk.ToString());
                chunk.Clear();
            }

            if (chunk.Length > 0)
            {
                chunk.Append('\n');
            }

            chunk.Append(piece);
        }

        chunks.Add(chunk.ToString());
        var first = true;
        foreach (var text in chunks.Select(c => c.Trim('\n', ' ')))
        {
            if (text.Length > 0 || (first && title is not null))
            {
                yield return new DigestEmbed(first ? title : null, text);
                first = false;
            }
        }
    }

    /// <summary>A line, or pieces of one that is longer than a description: cut after the last space that fits, else at the limit.</summary>
    private static IEnumerable<string> Pieces(string line)
    {
        var rest = line;
        while (rest.Length > EmbedLimits.Description)
        {
            var cut = rest.LastIndexOf(' ', EmbedLimits.Description - 1, EmbedLimits.Description);
            if (cut <= 0)
            {
                cut = EmbedLimits.Description;
                if (char.IsLowSurrogate(rest[cut]))
                {
                    cut--;
                }
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart(' ');
        }

        yield return rest;
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - Ellipsis.Length;
        if (char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        return text[..end] + Ellipsis;
    }
}
