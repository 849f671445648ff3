namespace DiscordAnalytics.Core.Insights;

/// <summary>Where insights come from (<c>Ai:Provider</c>).</summary>
public enum AiProvider
{
    /// <summary>Rules over the summary, no network (<see cref="OfflineInsightGenerator"/>).</summary>
    Offline,

    /// <summary>An Azure OpenAI resource: <c>AzureOpenAIClient</c> with endpoint, api-key and deployment.</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI itself, a local model server).</summary>
    OpenAI,
}
