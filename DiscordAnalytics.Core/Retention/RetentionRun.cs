namespace DiscordAnalytics.Core.Retention;

/// <summary>One guild's pruning pass: what was cut off, how much went, when. The Settings page shows the last one.</summary>
public sealed class RetentionRun
{
    public long Id { get; set; }

    public long GuildId { get; set; }

    public long StartedAt { get; set; }

    public long FinishedAt { get; set; }

    /// <summary>Raw events older than this instant (epoch ms) were pruned.</summary>
    public long CutoffAt { get; set; }

    public long DeletedEvents { get; set; }
}
