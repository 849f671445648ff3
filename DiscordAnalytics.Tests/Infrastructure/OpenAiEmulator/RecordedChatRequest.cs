using System.Text.Json;

namespace DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;

/// <summary>One chat completions request as the emulator received it.</summary>
/// <param name="Path">The request path (<c>/v1/chat/completions</c>, <c>/openai/deployments/d/chat/completions</c>).</param>
/// <param name="Deployment">The Azure deployment from the path; null on the OpenAI route.</param>
/// <param name="ApiKeyHeader">The <c>api-key</c> header (Azure).</param>
/// <param name="Authorization">The <c>Authorization</c> header (OpenAI).</param>
/// <param name="Body">The raw JSON body.</param>
public sealed record RecordedChatRequest(string Path, string? Deployment, string? ApiKeyHeader, string? Authorization, string Body)
{
    /// <summary>The <c>messages</c> of the body as (role, content) pairs, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return [.. document.RootElement.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, Content(m.GetProperty("content"))))];
        }
    }

    /// <summary>A top-level string property of the body (<c>model</c>), or null.</summary>
    public string? BodyString(string name)
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Content is a string or an array of parts (<c>{type:"text", text}</c>), depending on the SDK.</summary>
    private static string Content(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var text) ? text.GetString() : string.Empty));
}
