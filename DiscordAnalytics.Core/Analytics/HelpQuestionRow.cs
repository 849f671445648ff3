namespace DiscordAnalytics.Core.Analytics;

/// <summary>One question asked directly in a help channel as support signals read it (of the view asked): its answer, if any.</summary>
internal sealed record HelpQuestionRow(long MessageId, long ChannelId, long AuthorId, long AskedAt, long? AnsweredAt);
