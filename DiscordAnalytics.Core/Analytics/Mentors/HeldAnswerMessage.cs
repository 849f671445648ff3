namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// A message that answers at least one held help thread or question: its author, its present human reactions by others
/// (null until read), and how many held items of each UTC day it answers (a message answering items of several days
/// has its reactions counted once per window, at the merge, not in each day's summary).
/// </summary>
internal sealed class HeldAnswerMessage(long author)
{
    public long Author { get; } = author;

    public long? Reactions { get; set; }

    public Dictionary<int, int> Days { get; } = [];
}
