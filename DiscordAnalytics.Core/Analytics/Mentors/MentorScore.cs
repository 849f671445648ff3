namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>A ranked mentor candidate before names and privacy are applied (the activity-role rule acts on these).</summary>
public sealed record MentorScore(long User, long FirstAnswers, long Answers, long ReactionsOnAnswers);
