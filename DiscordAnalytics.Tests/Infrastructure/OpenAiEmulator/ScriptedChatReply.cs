using System.Text.Json;

namespace DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;

/// <summary>What the emulator answers to one chat completions request.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">The response body as sent (a completion, an error object, or garbage).</param>
/// <param name="Hang">Never answer: hold the request until the client gives up (a timeout).</param>
/// <param name="HeldUntil">Answer only once this task completes (a model call a test keeps running).</param>
public sealed record ScriptedChatReply(int Status, string Body, bool Hang = false, Task? HeldUntil = null)
{
    /// <summary><paramref name="reply"/>, sent once <paramref name="release"/> completes.</summary>
    public static ScriptedChatReply Held(Task release, ScriptedChatReply reply) => reply with { HeldUntil = release };

    /// <summary>200 with a chat completion whose assistant message is <paramref name="content"/>.</summary>
    public static ScriptedChatReply Completion(string content) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-emulated",
        @object = "chat.completion",
        created = 1_763_600_000,
        model = "emulated-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 100, completion_tokens = 50, total_tokens = 150 },
    }));

    /// <summary>An error status with an OpenAI-style error object.</summary>
    public static ScriptedChatReply Error(int status, string message = "emulated failure") =>
        new(status, JsonSerializer.Serialize(new { error = new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message } }));

    /// <summary>200 whose body is not JSON at all (a proxy's HTML page, a truncated stream).</summary>
    public static ScriptedChatReply Garbage() => new(200, "<html><body>502 upstream hiccup</body></html>");

    public static ScriptedChatReply Timeout() => new(200, string.Empty, Hang: true);
}
