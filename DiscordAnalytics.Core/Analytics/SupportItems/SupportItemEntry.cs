namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// One guild's held support items of one view, the stored version they stand at, and the writer's changes told since
/// they were last brought up to date. <see cref="Gate"/> guards all but <see cref="Reading"/>, which lets one caller at a
/// time read or change the items (the writer's thread only takes the gate, briefly).
/// </summary>
internal sealed class SupportItemEntry
{
    public object Gate { get; } = new();

    public SemaphoreSlim Reading { get; } = new(1, 1);

    public HeldSupportItems? Held { get; set; }

    /// <summary>The stored support version the held items plus the pending changes stand at.</summary>
    public long Version { get; set; } = -1;

    /// <summary>A commit could not be taken: the items are read again on the next call.</summary>
    public bool Stale { get; set; }

    public HashSet<long> PendingThreads { get; private set; } = [];

    /// <summary>Channel to the earliest time its messages changed.</summary>
    public Dictionary<long, long> PendingChannels { get; private set; } = [];

    public (HashSet<long> Threads, Dictionary<long, long> Channels) TakePending()
    {
        var taken = (PendingThreads, PendingChannels);
        PendingThreads = [];
        PendingChannels = [];
        return taken;
    }
}
