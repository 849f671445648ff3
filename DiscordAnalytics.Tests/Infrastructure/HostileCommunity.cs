using System.Text;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A guild whose names and excerpts are hostile: markup payloads, bidi controls, zero-width and combining
/// characters, emoji ZWJ sequences, spreadsheet formulas, and far more text than we store. Each long text is
/// laid out so the stored length falls on the high half of an emoji: clipping must step back one char.
/// </summary>
public static class HostileCommunity
{
    public const ulong Guild = 6_600_000_000_000_000_001;
    public const ulong Channel = 6_610_000_000_000_000_001;
    public const ulong FormulaChannel = 6_610_000_000_000_000_002;
    public const ulong Author = 6_620_000_000_000_000_001;
    public const ulong FormulaAuthor = 6_620_000_000_000_000_002;
    public const ulong Reactor = 6_620_000_000_000_000_003;

    public const string Script = "<script>alert(1)</script>";
    public const string Img = "<img src=x onerror=alert(1)>";

    /// <summary>RTL override + pop, ZWJ and zero-width space, e + combining acute, woman technologist (ZWJ), rainbow flag (ZWJ + VS16), Hebrew.</summary>
    public const string Unicode = "\u202Eevil\u202C \u200D\u200B e\u0301 \U0001F469\u200D\U0001F4BB \U0001F3F3\uFE0F\u200D\U0001F308 \u05E9\u05DC\u05D5\u05DD ";

    public const string FormulaChannelName = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    public const string FormulaAuthorName = "+1-1";
    public const string FormulaExcerpt = "@SUM(1+1)*cmd|' /C calc'!A0";

    /// <summary>10,000 chars; stored as the first 199.</summary>
    public static readonly string GuildName = Long(Script + Unicode, 10_000, IngestEvent.MaxNameLength);

    /// <summary>10,000 chars; stored as the first 199.</summary>
    public static readonly string ChannelName = Long(Img + Unicode, 10_000, IngestEvent.MaxNameLength);

    /// <summary>10,000 chars; stored as the first 199.</summary>
    public static readonly string AuthorName = Long(Script + Img + Unicode, 10_000, IngestEvent.MaxNameLength);

    /// <summary>5,000 chars; stored as the first 279.</summary>
    public static readonly string Excerpt = Long(Script + " " + Img + " " + Unicode, 5_000, IngestEvent.MaxExcerptLength);

    public static string StoredName(string name) => name[..(IngestEvent.MaxNameLength - 1)];

    public static string StoredExcerpt(string excerpt) => excerpt[..(IngestEvent.MaxExcerptLength - 1)];

    public static ulong Message(long at) => TestEvents.MessageId(at, 1);

    public static ulong FormulaMessage(long at) => TestEvents.MessageId(at + 60_000, 2);

    /// <summary>Names first, then two messages at <paramref name="at"/> with reactions (so both reach the top-content card).</summary>
    public static IngestEvent[] Events(long at) =>
    [
        TestEvents.Guild(Guild, GuildName, at - 60_000),
        TestEvents.Channel(Guild, Channel, ChannelName, at - 60_000),
        TestEvents.Channel(Guild, FormulaChannel, FormulaChannelName, at - 60_000),
        TestEvents.Member(Guild, Author, AuthorName, at - 60_000),
        TestEvents.Member(Guild, FormulaAuthor, FormulaAuthorName, at - 60_000),
        TestEvents.Member(Guild, Reactor, "reactor", at - 60_000),
        TestEvents.Message(Guild, Channel, Author, at, 1, Excerpt),
        TestEvents.Message(Guild, FormulaChannel, FormulaAuthor, at + 60_000, 2, FormulaExcerpt),
        TestEvents.Reaction(Guild, Channel, Message(at), Reactor, at + 120_000),
        TestEvents.Reaction(Guild, Channel, Message(at), FormulaAuthor, at + 120_000, "🔥"),
        TestEvents.Reaction(Guild, FormulaChannel, FormulaMessage(at), Reactor, at + 120_000),
    ];

    /// <summary>True when every surrogate in <paramref name="text"/> is half of a complete pair.</summary>
    public static bool HasOnlyWholeSurrogatePairs(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="head"/> padded with 'x' to <paramref name="max"/> - 1 chars, then emoji (2 chars each) to <paramref name="length"/>.</summary>
    private static string Long(string head, int length, int max)
    {
        var text = new StringBuilder(head).Append('x', max - 1 - head.Length);
        while (text.Length + 2 <= length)
        {
            text.Append("\U0001F600");
        }

        return text.Append('x', length - text.Length).ToString();
    }
}
