namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// Message excerpts for the large community: a fixed set of sentences built once from a small vocabulary, picked
/// with a Zipf skew, so keywords look like a real community's (a few topics dominate) and generating 50M
/// messages costs a table lookup each, not a string build. Average length ~45 characters, like the demo's.
/// </summary>
internal sealed class LargeText
{
    private const int SentenceCount = 4096;

    private static readonly string[] Words =
    [
        "build", "deploy", "error", "config", "release", "docker", "cache", "server", "client", "login", "token", "database",
        "query", "index", "memory", "thread", "plugin", "update", "version", "install", "crash", "network", "proxy", "timeout",
        "game", "match", "rank", "team", "event", "stream", "music", "art", "meme", "photo", "video", "design", "theme", "mod",
        "python", "rust", "dotnet", "java", "react", "linux", "windows", "android", "api", "bug", "feature", "review", "merge",
        "today", "tonight", "weekend", "morning", "later", "again", "finally", "really", "pretty", "great", "thanks", "nice",
        "anyone", "someone", "everyone", "question", "answer", "help", "issue", "problem", "solution", "guide", "tutorial",
    ];

    private static readonly string[] Glue = ["the", "my", "this", "with", "for", "and", "on", "after", "is", "was", "not", "just"];

    private readonly string[] _sentences;
    private readonly double[] _cumulative;

    public LargeText(DemoRandom random)
    {
        _sentences = new string[SentenceCount];
        _cumulative = new double[SentenceCount];
        var total = 0.0;
        for (var i = 0; i < SentenceCount; i++)
        {
            var length = random.Next(3, 10);
            var parts = new string[length];
            for (var w = 0; w < length; w++)
            {
                // Topic words themselves are skewed: low indexes (build, deploy, error...) come up far more often.
                parts[w] = random.Chance(0.35) ? Glue[random.Next(Glue.Length)] : Words[(int)(Words.Length * Math.Pow(random.NextDouble(), 2.2))];
            }

            _sentences[i] = string.Join(' ', parts) + (random.Chance(0.2) ? "?" : string.Empty);
            total += 1.0 / (i + 1);
            _cumulative[i] = total;
        }
    }

    public string Pick(DemoRandom random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return _sentences[Math.Min(index < 0 ? ~index : index, SentenceCount - 1)];
    }
}
