namespace DiscordAnalytics.Core.Analytics.Kinds;

/// <summary>
/// Summary <c>messageKinds</c> (and <c>previousMessageKinds</c>): counted messages whose kinds were measured, how many
/// carried each kind, and their average length in characters (one decimal; 0 without messages).
/// </summary>
public sealed record MessageKindStats(long Messages, long WithAttachments, long WithLinks, long Replies, long WithMentions, double AverageLength)
{
    public static MessageKindStats Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
