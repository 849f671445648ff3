using System.Text.Json;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>The shared gateway/REST fixtures in <c>shared/discord/fixtures</c>, found by walking up from the test binaries.</summary>
public static class DiscordFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Directory => Root.Value;

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>The <c>t</c> of a dispatch fixture.</summary>
    public static string EventName(string fileName)
    {
        using var document = JsonDocument.Parse(Read(fileName));
        return document.RootElement.GetProperty("t").GetString()!;
    }

    /// <summary>The <c>d</c> of a fixture, detached.</summary>
    public static JsonElement Data(string fileName)
    {
        using var document = JsonDocument.Parse(Read(fileName));
        return document.RootElement.GetProperty("d").Clone();
    }

    /// <summary>The <c>d</c> of a fixture as JSON text.</summary>
    public static string DataJson(string fileName) => Data(fileName).GetRawText();

    /// <summary>Every top-level fixture that is a dispatch (op 0).</summary>
    public static IReadOnlyList<string> DispatchFixtureNames() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Where(path =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                return document.RootElement.TryGetProperty("op", out var op) && op.GetInt32() == 0;
            })
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "discord", "fixtures");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/discord/fixtures above {AppContext.BaseDirectory}.");
    }
}
