namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// One mentor candidate of the summary (<c>mentors</c>): how many help threads and questions of the window they answered
/// first, how many they answered at all, and the reactions on those answers (docs/how-it-counts.md, "Mentors").
/// </summary>
public sealed record MentorStat(string UserId, string Name, long FirstAnswers, long Answers, long ReactionsOnAnswers);
