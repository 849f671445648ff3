namespace DiscordAnalytics.Web.Api;

/// <summary>
/// Limits on the API routes that call the insights model (insight refresh, digest generation), in the <c>Ai</c>
/// section beside the model's own settings. Each call costs model tokens (money) and seconds of a model server.
/// </summary>
public sealed class ModelCallOptions
{
    public const string Section = "Ai";

    /// <summary>
    /// The most model-calling requests (insight generations and digest generations together) per guild in any
    /// minute; past it the API answers 429 with Retry-After. Default 6, allowed 1 to 600. Independently of this,
    /// one guild runs one such request at a time.
    /// </summary>
    public int CallsPerGuildPerMinute { get; set; } = 6;
}
