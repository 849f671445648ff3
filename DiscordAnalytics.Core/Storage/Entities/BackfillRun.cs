using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>One history backfill of a guild: what was asked, where it stands, and its totals.</summary>
public sealed class BackfillRun
{
    public long RunId { get; set; }

    public long GuildId { get; set; }

    /// <summary>Depth asked for, in days (7, 14, 30 or 90).</summary>
    public int Days { get; set; }

    /// <summary>Messages created at or after this instant (epoch ms) are imported, older ones are not. Fixed at the start.</summary>
    public long CutoffAt { get; set; }

    /// <summary>Comma-separated channel ids asked for; null means the default set.</summary>
    public string? ChannelSelection { get; set; }

    /// <summary>Who asked: null for the owner (settings page, API), <see cref="BackfillRunKind.GapRepair"/> for a gap repair after downtime.</summary>
    public BackfillRunKind? Kind { get; set; }

    /// <summary>Where the run stands (stored as queued, running, paused, cancelled, completed or failed).</summary>
    public BackfillState State { get; set; }

    public long RequestedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }

    /// <summary>When the channel and thread list was stored (discovery is done once per run).</summary>
    public long? DiscoveredAt { get; set; }

    /// <summary>Why the run failed (never content, never a token).</summary>
    public string? Error { get; set; }

    /// <summary>History requests made so far, over every execution of the run.</summary>
    public long Requests { get; set; }

    /// <summary>Milliseconds spent running, over every execution (for the effective request rate).</summary>
    public long RunningMs { get; set; }
}
