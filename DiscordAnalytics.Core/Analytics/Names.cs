namespace DiscordAnalytics.Core.Analytics;

/// <summary>Display names fall back to the id, so a card never shows an empty label.</summary>
internal static class Names
{
    public static string OrId(string? name, long id) => string.IsNullOrWhiteSpace(name) ? id.ToString() : name;
}
