using System.Text.Json;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The gateway/REST payload fixtures of <c>DiscordAnalytics.Tests/Fixtures/Discord</c>, which the build copies
/// beside the test binaries.
/// </summary>
public static class DiscordFixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Discord");

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
}
