using System.Collections.Immutable;

namespace DiscordAnalytics.Core.Demo;

/// <summary>The emoji demo members react with: common unicode ones plus the guild's custom <c>name:id</c> emoji.</summary>
internal static class DemoEmoji
{
    /// <summary>Piled on a message now and then, then cleared by a moderator (a REMOVE_EMOJI).</summary>
    public const string Clown = "🤡";

    private static readonly ImmutableArray<(string Emoji, double Weight)> Unicode =
    [
        ("👍", 30), ("❤️", 15), ("😂", 12), ("🔥", 10), ("🎉", 6), ("👀", 6), ("✅", 5), ("🚀", 5), ("💯", 4), ("🙏", 4),
    ];

    /// <summary>Typed at the end of a message now and then: a skin tone, a ZWJ sequence and a flag among them.</summary>
    private static readonly ImmutableArray<string> Typed = ["😂", "👍🏽", "❤️", "🎉", "🙏", "🔥", "🧑‍💻", "👀", "🇧🇷", "💯"];

    public static WeightedTable<string> Table(IEnumerable<string> customEmojis) =>
        new(Unicode.Concat(customEmojis.Select(e => (e, 5.0))));

    /// <summary>
    /// The line as the member typed it: about 1 in 5 messages ends with an emoji (1 in 6 of those one of the guild's
    /// custom emojis, as Discord's content spells it), drawn from the id so history and live agree on every start.
    /// </summary>
    public static string TypedInto(ulong messageId, string line, IReadOnlyList<string> customEmojis)
    {
        var draw = (messageId * 0xD6E8FEB86659FD93UL) >> 28;
        if (draw % 5 != 0)
        {
            return line;
        }

        var pick = (int)((draw >> 8) % (ulong)(Typed.Length + 2));
        var emoji = pick < Typed.Length || customEmojis.Count == 0
            ? Typed[pick % Typed.Length]
            : $"<:{customEmojis[pick % customEmojis.Count]}>";
        return $"{line} {emoji}";
    }
}
