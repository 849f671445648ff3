using System.Text.Json;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Reads a model's answer: one JSON object with <c>insights</c> and <c>actions</c> arrays of
/// <c>{kind, title, text}</c>. Tolerant of what models do (a ```json fence, prose around the object, kinds in
/// another case, unknown insight kinds become <see cref="InsightKind.Other"/>); entries without a title or text,
/// and actions of unknown kinds, are dropped; lengths and counts are capped. An answer with nothing usable left
/// is malformed.
/// </summary>
public static class InsightReplyParser
{
    public const int MaxTitleLength = 120;

    public const int MaxTextLength = 800;

    /// <summary>The insights and drafts of <paramref name="content"/>, or null when it holds none (malformed).</summary>
    public static (IReadOnlyList<Insight> Insights, IReadOnlyList<ActionDraft> Actions)? TryParse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        var (start, end) = (content.IndexOf('{', StringComparison.Ordinal), content.LastIndexOf('}'));
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content[start..(end + 1)]);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var insights = Entries(root, "insights", InsightPrompt.MaxInsights)
                .Select(e => new Insight(Enum.TryParse<InsightKind>(e.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : InsightKind.Other, e.Title, e.Text))
                .ToList();
            var actions = Entries(root, "actions", InsightPrompt.MaxActions * 2)
                .Where(e => Enum.TryParse<ActionDraftKind>(e.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
                .Select(e => new ActionDraft(Enum.Parse<ActionDraftKind>(e.Kind!, ignoreCase: true), e.Title, e.Text))
                .Take(InsightPrompt.MaxActions)
                .ToList();
            return insights.Count == 0 && actions.Count == 0 ? null : (insights, actions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<(string? Kind, string Title, string Text)> Entries(JsonElement root, string name, int max)
    {
        if (!TryGetProperty(root, name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => (Kind: String(e, "kind"), Title: String(e, "title"), Text: String(e, "text")))
            .Where(e => !string.IsNullOrWhiteSpace(e.Title) && !string.IsNullOrWhiteSpace(e.Text))
            .Select(e => (e.Kind?.Trim(), Clip(e.Title!.Trim(), MaxTitleLength), Clip(e.Text!.Trim(), MaxTextLength)))
            .Take(max)
            .ToList();
    }

    private static string? String(JsonElement entry, string name) =>
        TryGetProperty(entry, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Clip(string text, int max) => TextClip.ToLength(text, max);
}
