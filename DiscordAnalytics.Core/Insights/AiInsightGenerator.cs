using System.ClientModel;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// The configured generator (<c>Ai:Provider</c>): offline rules, or a model (Azure OpenAI / OpenAI-compatible)
/// with the offline rules as the fallback.
/// <list type="number">
/// <item>The model sees <see cref="InsightPayload"/> only: the summary JSON with excerpts, without opted-out members.</item>
/// <item>Its answer is parsed (<see cref="InsightReplyParser"/>) and checked (<see cref="GroundingCheck"/>). When a
/// number is not in the payload it is asked once more, with the violations listed; a second ungrounded answer is
/// returned flagged with its violations. If that second call fails, the first answer is returned flagged.</item>
/// <item>No endpoint, 401, 404, timeout, 429, 5xx, an unreadable answer or an unknown provider: the offline report,
/// with <see cref="InsightReport.FallbackReason"/> saying why. Nothing here throws except the caller's own
/// cancellation; the API key never reaches a log or a reason.</item>
/// </list>
/// </summary>
public sealed class AiInsightGenerator(
    IOptions<AiOptions> options,
    OfflineInsightGenerator offline,
    IOptedOutMembers optedOut,
    TimeProvider time,
    ILogger<AiInsightGenerator> logger) : IInsightGenerator
{
    public async Task<InsightReport> GenerateAsync(AnalyticsSummary summary, CancellationToken ct)
    {
        var payload = InsightPayload.For(summary, await optedOut.ListAsync(summary.GuildId, ct));
        var settings = options.Value;
        if (settings.ParsedProvider is not { } provider)
        {
            return await FallbackAsync(payload, "Ai:Provider is not one of Offline, AzureOpenAI, OpenAI.", 0, ct);
        }

        if (provider == AiProvider.Offline)
        {
            return await offline.GenerateAsync(payload, ct);
        }

        var name = provider == AiProvider.AzureOpenAI ? "Azure OpenAI" : "the OpenAI-compatible endpoint";
        if (InsightChatClients.Problem(settings, provider) is { } problem)
        {
            return await FallbackAsync(payload, problem, 0, ct);
        }

        var client = InsightChatClients.Create(settings, provider);
        List<ChatMessage> messages = [new SystemChatMessage(InsightPrompt.System), new UserChatMessage(InsightPrompt.User(payload))];
        string first;
        try
        {
            first = await AskAsync(client, messages, settings, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return await FallbackAsync(payload, Describe(ex, name, settings), 1, ct);
        }

        if (Read(provider, first, payload) is not { } report)
        {
            return await FallbackAsync(payload, $"{Capitalized(name)} answered, but not with insights in the expected JSON shape.", 1, ct);
        }

        report = report with { ModelCalls = 1 };
        if (report.Grounding.IsGrounded)
        {
            return report;
        }

        // One retry, telling the model exactly which numbers it made up.
        messages.Add(new AssistantChatMessage(first));
        messages.Add(new UserChatMessage(InsightPrompt.Retry(report.Grounding)));
        try
        {
            var second = await AskAsync(client, messages, settings, ct);
            if (Read(provider, second, payload) is { } retried)
            {
                return retried with { ModelCalls = 2 };
            }

            logger.LogWarning("Insights via {Provider}: the retry answer was unreadable; keeping the first answer, flagged", provider);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Insights via {Provider}: the retry failed ({Reason}); keeping the first answer, flagged", provider, Describe(ex, name, settings));
        }

        return report with { ModelCalls = 2 };
    }

    private async Task<string> AskAsync(ChatClient client, List<ChatMessage> messages, AiOptions settings, CancellationToken ct)
    {
        // The client's NetworkTimeout bounds each HTTP attempt; this bounds the whole call, retries included.
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var chat = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
            Temperature = 0.2f,
        };
        ChatCompletion completion = await client.CompleteChatAsync(messages, chat, linked.Token);
        return string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
    }

    private static InsightReport? Read(AiProvider provider, string content, AnalyticsSummary payload)
    {
        if (InsightReplyParser.TryParse(content) is not { } parsed)
        {
            return null;
        }

        var report = new InsightReport(provider.ToString(), parsed.Insights, parsed.Actions, new Grounding([]));
        return report with { Grounding = GroundingCheck.Check(payload, report.Texts) };
    }

    private async Task<InsightReport> FallbackAsync(AnalyticsSummary payload, string reason, int calls, CancellationToken ct)
    {
        logger.LogWarning("Insights fall back to the offline generator: {Reason}", reason);
        var report = await offline.GenerateAsync(payload, ct);
        return report with { FallbackReason = reason, ModelCalls = calls };
    }

    /// <summary>A failed call in words for the user. Built from status codes and exception types only: response
    /// bodies and exception messages can echo request details and are never shown.</summary>
    private static string Describe(Exception ex, string name, AiOptions settings) => ex switch
    {
        ClientResultException { Status: 401 or 403 } e => $"{Capitalized(name)} rejected the API key (HTTP {e.Status}). Check Ai:ApiKey.",
        ClientResultException { Status: 404 } => $"{Capitalized(name)} has no deployment or model named '{settings.Deployment.Trim()}' (HTTP 404). Check Ai:Endpoint and Ai:Deployment.",
        ClientResultException { Status: 429 } => $"{Capitalized(name)} is rate limiting requests (HTTP 429). Try again in a minute.",
        ClientResultException { Status: >= 500 } e => $"{Capitalized(name)} had a server error (HTTP {e.Status}). Try again later.",
        ClientResultException { Status: > 0 } e => $"{Capitalized(name)} refused the request (HTTP {e.Status}).",
        OperationCanceledException => $"{Capitalized(name)} did not answer within {settings.TimeoutSeconds} s.",
        ClientResultException or HttpRequestException => $"Could not reach {name} at Ai:Endpoint.",
        JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException => $"{Capitalized(name)} sent an answer that is not a readable chat completion.",
        _ => $"{Capitalized(name)} could not be used ({ex.GetType().Name}).",
    };

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
