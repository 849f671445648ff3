using System.Globalization;
using System.Text.Json;

namespace DiscordAnalytics.Core.Discord;

/// <summary>Defensive readers for Discord JSON: a missing, null or wrongly typed field reads as null, never throws.</summary>
internal static class Json
{
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    public static JsonElement? Object(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? Text(value) : null;

    /// <summary>
    /// A string value, or null when it cannot become a .NET string: JSON may escape a lone surrogate
    /// (<c>"\ud800"</c>), which <see cref="JsonElement.GetString"/> refuses with an exception.
    /// </summary>
    public static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static int? Int(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public static bool? Bool(JsonElement element, string name) => Property(element, name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A snowflake field: Discord sends strings, a few legacy paths send numbers.</summary>
    public static ulong? Snowflake(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => Discord.Snowflake.TryParse(Text(value)),
        { ValueKind: JsonValueKind.Number } value when value.TryGetUInt64(out var number) && number > 0 => number,
        _ => null,
    };

    /// <summary>An ISO 8601 timestamp field as epoch milliseconds.</summary>
    public static long? Timestamp(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeMilliseconds()
            : null;

    /// <summary>The items of an array, detached from their document; empty for anything else.</summary>
    public static IReadOnlyList<JsonElement> ArrayItems(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var items = new List<JsonElement>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(item.Clone());
        }

        return items;
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];
}
