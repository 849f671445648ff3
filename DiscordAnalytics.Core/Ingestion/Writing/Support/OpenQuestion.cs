namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>A question still waiting for its answer while a channel's messages are replayed.</summary>
internal sealed record OpenQuestion(long MessageId, long AuthorId, long AskedAt);
