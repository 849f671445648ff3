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

    public static WeightedTable<string> Table(IEnumerable<string> customEmojis) =>
        new(Unicode.Concat(customEmojis.Select(e => (e, 5.0))));
}
