using System.Collections.Immutable;
using System.Globalization;

namespace DiscordAnalytics.Core.Demo;

/// <summary>Display names and the guild's name for the demo community.</summary>
internal static class DemoNames
{
    public static readonly ImmutableArray<string> GuildNames =
        ["Quantforge Trading & Dev", "Candlestick Coders", "Tradewind Dev Collective", "Alpha Builders Club"];

    private static readonly ImmutableArray<string> First =
    [
        "alex", "maria", "jonas", "priya", "kenji", "lena", "omar", "sofia", "lucas", "mei", "noah", "ava",
        "diego", "hana", "felix", "zara", "ivan", "nora", "samir", "elena", "tom", "julia", "marco", "aisha",
        "ben", "chloe", "raj", "ingrid", "leo", "yuki", "pablo", "emma", "kofi", "anna", "mateo", "sara",
        "erik", "lina", "hugo", "maya", "viktor", "clara", "tariq", "ruth", "oscar", "nina", "dmitri", "ella",
    ];

    private static readonly ImmutableArray<string> Adjectives =
    [
        "quiet", "bullish", "bearish", "lazy", "swift", "rusty", "async", "lucky", "greedy", "patient",
        "sleepy", "atomic", "hodl", "based", "stoic", "curious",
    ];

    private static readonly ImmutableArray<string> Nouns =
    [
        "trader", "coder", "whale", "candle", "pip", "scalper", "bot", "dev", "chart", "hacker", "quant",
        "owl", "fox", "panda", "wizard", "builder",
    ];

    /// <summary>A display name, unique within <paramref name="taken"/> (which it updates).</summary>
    public static string Member(DemoRandom random, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = random.Next(5) switch
            {
                0 => Capitalize(First[random.Next(First.Length)]),
                1 => $"{First[random.Next(First.Length)]}_{Nouns[random.Next(Nouns.Length)]}",
                2 => $"{Adjectives[random.Next(Adjectives.Length)]}{Capitalize(Nouns[random.Next(Nouns.Length)])}",
                3 => $"{Capitalize(First[random.Next(First.Length)])} {(char)('A' + random.Next(26))}.",
                _ => $"{Nouns[random.Next(Nouns.Length)]}{random.Next(10, 999).ToString(CultureInfo.InvariantCulture)}",
            };
            if (attempt > 3)
            {
                name += random.Next(100, 9999).ToString(CultureInfo.InvariantCulture);
            }

            if (taken.Add(name))
            {
                return name;
            }
        }
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
