using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Insights;

/// <summary>The <c>Ai</c> section: which generator writes insights and how to reach a model.</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>
    /// <c>Offline</c> (default), <c>AzureOpenAI</c> or <c>OpenAI</c>, case-insensitive. An unknown value stops the start
    /// naming this key; the generator still falls back to the offline insights if one reaches it another way.
    /// </summary>
    public string Provider { get; set; } = nameof(AiProvider.Offline);

    /// <summary>
    /// AzureOpenAI: the resource URL (<c>https://NAME.openai.azure.com/</c>). OpenAI: the API base URL that
    /// <c>/chat/completions</c> is appended to (<c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c>).
    /// </summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The API key (sent as <c>api-key</c> to Azure, <c>Authorization: Bearer</c> to OpenAI). Never logged or shown.
    /// Optional for OpenAI-compatible local servers that take none.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>AzureOpenAI: the deployment name. OpenAI: the model name (<c>gpt-4o-mini</c>, <c>llama3.1</c>).</summary>
    public string Deployment { get; set; } = string.Empty;

    /// <summary>How long one model call may take before it counts as failed; default 60 s.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Retries the SDK itself makes on 429/5xx/network errors (with its own backoff); default 0, so a failing
    /// endpoint falls back to offline insights at once instead of after minutes of backoff.
    /// </summary>
    [Range(0, 3)]
    public int MaxRetries { get; set; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Checked at start: the provider is known.</summary>
    public bool HasKnownProvider => ParsedProvider is not null;

    /// <summary>
    /// Checked at start: a model provider has an absolute http(s) <see cref="Endpoint"/>, and an endpoint given with
    /// <c>Offline</c> is one too. The deployment and key are not: what is missing there is said on the insights card.
    /// </summary>
    public bool HasValidEndpoint => string.IsNullOrWhiteSpace(Endpoint)
        ? ParsedProvider is null or AiProvider.Offline
        : Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The parsed <see cref="Provider"/> (case-insensitive), or null when it names none.</summary>
    public AiProvider? ParsedProvider =>
        Enum.TryParse<AiProvider>(Provider?.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider : null;
}
