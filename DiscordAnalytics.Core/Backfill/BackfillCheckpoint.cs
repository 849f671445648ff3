namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Where one channel stands after a committed page: its oldest message id so far and what the page added. Saved with
/// the run's totals (see <c>BackfillRunner.Checkpoints.cs</c>); <see cref="Saved"/> completes when it is in the store.
/// </summary>
internal sealed class BackfillCheckpoint(long channelId, ulong? oldest, int messages, int reactions, bool done)
{
    public long ChannelId { get; } = channelId;

    /// <summary>The page's oldest message; null when the page held none inside the window.</summary>
    public ulong? Oldest { get; } = oldest;

    public int Messages { get; } = messages;

    public int Reactions { get; } = reactions;

    /// <summary>The channel reached the cut-off or its first message.</summary>
    public bool Done { get; } = done;

    public TaskCompletionSource Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
