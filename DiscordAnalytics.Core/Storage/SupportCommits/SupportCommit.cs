namespace DiscordAnalytics.Core.Storage.SupportCommits;

/// <summary>
/// One committed batch's changes to one guild's support facts: the threads whose facts, messages, tags or closings it
/// touched, per top-level channel the earliest time from which the channel's messages changed, and the messages whose
/// reactions changed (mentors count the reactions on answers). Built by the writer before the commit and never changed
/// once handed over.
/// </summary>
public sealed class SupportCommit(long guild)
{
    public long Guild { get; } = guild;

    /// <summary>The guild's stored support version after this commit.</summary>
    public long Version { get; internal set; }

    public HashSet<long> Threads { get; } = [];

    /// <summary>Channel to the earliest changed message time in it.</summary>
    public Dictionary<long, long> Channels { get; } = [];

    /// <summary>Messages whose reactions were added or taken (any message: the writer does not know which ones answer).</summary>
    public HashSet<long> Reacted { get; } = [];

    /// <summary>Something that may touch any of the guild's threads changed (a forum's solved tags): everything is read again.</summary>
    public bool Everything { get; internal set; }
}
