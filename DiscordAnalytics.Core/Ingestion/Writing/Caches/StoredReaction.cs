namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>A reaction fact as the batch's start read it (<see cref="StoredReactionsOfRemovals"/>): where and when it counted, and whether it is present (not removed).</summary>
internal readonly record struct StoredReaction(long Channel, int Day, bool IsBot, long CreatedAt, bool Present);
