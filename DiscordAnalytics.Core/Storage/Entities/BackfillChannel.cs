using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Progress of one channel or thread within a <see cref="BackfillRun"/>. <see cref="OldestMessageId"/> is the
/// checkpoint: every message newer than it is committed, so a restart continues with <c>before=</c> it.
/// </summary>
public sealed class BackfillChannel
{
    public long RunId { get; set; }

    public long ChannelId { get; set; }

    public long GuildId { get; set; }

    /// <summary>The parent channel for threads.</summary>
    public long? ParentId { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool IsThread { get; set; }

    /// <summary>Work order within the run.</summary>
    public int Position { get; set; }

    /// <summary>Where the channel stands (stored as pending, running, done or skipped).</summary>
    public BackfillChannelState State { get; set; }

    /// <summary>Why the channel was skipped (e.g. "403: missing access").</summary>
    public string? SkipReason { get; set; }

    /// <summary>The checkpoint: the oldest message id committed so far (null before the first page).</summary>
    public long? OldestMessageId { get; set; }

    /// <summary>Creation time of <see cref="OldestMessageId"/> (the oldest date reached).</summary>
    public long? OldestAt { get; set; }

    public int Pages { get; set; }

    public int Messages { get; set; }

    public int Reactions { get; set; }

    public long UpdatedAt { get; set; }
}
