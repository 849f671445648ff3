namespace DiscordAnalytics.Core.Digests;

/// <summary>The states of <see cref="Digest.Status"/>.</summary>
public static class DigestStatus
{
    /// <summary>Nothing posted yet; the Markdown can be edited.</summary>
    public const string Draft = "draft";

    /// <summary>Some parts are posted and a failure stopped the rest; posting again continues with the next part.</summary>
    public const string Partial = "partial";

    /// <summary>Every part is posted; posting again does nothing.</summary>
    public const string Posted = "posted";
}
