namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>One answer message of a help thread or question: who wrote it, when, and its id.</summary>
internal readonly record struct MentorAnswer(long Author, long At, long Message);
