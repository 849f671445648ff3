namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// How long a help thread or a question waits for an answer before it counts as unanswered: one rule for the writer,
/// which keeps the support facts, and the support signals that read them.
/// </summary>
public static class SupportAnswers
{
    public static readonly TimeSpan Within = TimeSpan.FromHours(24);
}
