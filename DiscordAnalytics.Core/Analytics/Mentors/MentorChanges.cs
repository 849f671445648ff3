namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>The writer's changes to one guild told since the held mentors were last brought up to date.</summary>
internal sealed class MentorChanges
{
    public HashSet<long> Threads { get; } = [];

    /// <summary>Channel to the earliest time its messages changed.</summary>
    public Dictionary<long, long> Channels { get; } = [];

    /// <summary>Messages whose reactions changed.</summary>
    public HashSet<long> Reacted { get; } = [];
}
