namespace DiscordAnalytics.Core.Digests;

/// <summary>One embed of a posted digest: a section's title (plain text) and a chunk of its Markdown.</summary>
public sealed record DigestEmbed(string? Title, string Description)
{
    /// <summary>What counts against <see cref="EmbedLimits.TotalPerMessage"/>.</summary>
    public int Length => (Title?.Length ?? 0) + Description.Length;
}
