using DiscordAnalytics.Core.Storage;
using System.Diagnostics.CodeAnalysis;

namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>What the store keeps of an event's text: names and excerpts clipped to their limits, whatever a source sent.</summary>
internal static class StoredText
{
    [return: NotNullIfNotNull(nameof(name))]
    public static string? Name(string? name) =>
        name is null ? null : TextClip.ToLength(name, IngestEvent.MaxNameLength);

    /// <summary>Null when there is no content (the field absent or empty: content not available).</summary>
    public static string? Excerpt(string? content) =>
        string.IsNullOrEmpty(content) ? null : TextClip.ToLength(content, IngestEvent.MaxExcerptLength);
}
