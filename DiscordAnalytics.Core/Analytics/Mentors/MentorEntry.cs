namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// One guild's held mentors, the stored support version they stand at, and the writer's changes told since they were
/// last brought up to date. <see cref="Gate"/> guards all but <see cref="Reading"/>, which lets one caller at a time read
/// or change them (the writer's thread only takes the gate, briefly).
/// </summary>
internal sealed class MentorEntry
{
    public object Gate { get; } = new();

    public SemaphoreSlim Reading { get; } = new(1, 1);

    public HeldMentors? Held { get; set; }

    /// <summary>The stored support version the held mentors plus the pending changes stand at.</summary>
    public long Version { get; set; } = -1;

    /// <summary>A commit could not be taken: everything is read again on the next call.</summary>
    public bool Stale { get; set; }

    public MentorChanges Pending { get; private set; } = new();

    public MentorChanges TakePending()
    {
        var taken = Pending;
        Pending = new MentorChanges();
        return taken;
    }
}
