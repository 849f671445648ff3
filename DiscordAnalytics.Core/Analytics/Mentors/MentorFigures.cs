namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>One member's mentor figures over some help threads and questions (summed over days).</summary>
internal struct MentorFigures
{
    public long FirstAnswers;
    public long Answers;
    public long Reactions;
}
