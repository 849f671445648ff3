using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The text each value of a state enum is stored as (and spoken as in JSON): its <see cref="JsonStringEnumMemberNameAttribute"/>.
/// One table per enum, read once; the names are the ones the store held when these states were plain strings, so rows
/// written before and after read the same.
/// </summary>
public static class StoredNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(
            field => (TEnum)field.GetValue(null)!,
            field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{field.Name} has no stored name."));

    private static readonly FrozenDictionary<string, TEnum> Values = Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The stored text of <paramref name="value"/>.</summary>
    public static string Text(TEnum value) =>
        Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    /// <summary>The value stored as <paramref name="text"/>; throws for text no value is stored as (a damaged row).</summary>
    public static TEnum Parse(string text) =>
        Values.TryGetValue(text, out var value) ? value : throw new InvalidOperationException($"'{text}' is not a stored {typeof(TEnum).Name}.");

    /// <summary>The value stored (or spoken, in a request) as <paramref name="text"/>, exactly as written; false for anything else.</summary>
    public static bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null && Values.TryGetValue(text, out value);
    }
}
