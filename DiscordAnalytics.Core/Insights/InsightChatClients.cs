using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI;
using OpenAI.Chat;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// Builds the chat client for a model provider from <see cref="AiOptions"/>: <see cref="AzureOpenAIClient"/> for
/// Azure OpenAI, <see cref="ChatClient"/> with <see cref="OpenAIClientOptions.Endpoint"/> for any OpenAI-compatible
/// base URL. Both get the configured network timeout and a bounded SDK retry count (default none).
/// </summary>
public static class InsightChatClients
{
    /// <summary>Sent as the bearer token to OpenAI-compatible servers configured without a key (local servers take any).</summary>
    private const string NoKey = "none";

    /// <summary>Why <paramref name="options"/> cannot reach a model, in words for the user; null when it can.</summary>
    public static string? Problem(AiOptions options, AiProvider provider)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return "No AI endpoint is configured (Ai:Endpoint).";
        }

        if (!Uri.TryCreate(options.Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Ai:Endpoint is not an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(options.Deployment))
        {
            return provider == AiProvider.AzureOpenAI ? "No deployment is configured (Ai:Deployment)." : "No model is configured (Ai:Deployment).";
        }

        if (provider == AiProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return "No API key is configured (Ai:ApiKey).";
        }

        return null;
    }

    /// <summary>The chat client; call only when <see cref="Problem"/> is null.</summary>
    public static ChatClient Create(AiOptions options, AiProvider provider)
    {
        var endpoint = new Uri(options.Endpoint.Trim());
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey.Trim());
        var deployment = options.Deployment.Trim();
        if (provider == AiProvider.AzureOpenAI)
        {
            var azure = Bounded(new AzureOpenAIClientOptions(), options);
            return new AzureOpenAIClient(endpoint, key, azure).GetChatClient(deployment);
        }

        var openAi = Bounded(new OpenAIClientOptions { Endpoint = endpoint }, options);
        return new ChatClient(deployment, key, openAi);
    }

    private static T Bounded<T>(T pipeline, AiOptions options)
        where T : ClientPipelineOptions
    {
        pipeline.NetworkTimeout = options.Timeout;
        pipeline.RetryPolicy = new ClientRetryPolicy(options.MaxRetries);
        return pipeline;
    }
}
