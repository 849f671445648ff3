namespace DiscordAnalytics.Core.Digests;

/// <summary>One Discord message of a posted digest: up to ten embeds within the per-message total.</summary>
public sealed record DigestMessage(IReadOnlyList<DigestEmbed> Embeds)
{
    public int Length => Embeds.Sum(e => e.Length);
}
