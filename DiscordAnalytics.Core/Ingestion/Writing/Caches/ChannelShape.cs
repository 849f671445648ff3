namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>What the writer needs to know of a channel: whether it is a thread, and its parent.</summary>
internal readonly record struct ChannelShape(long? ParentId, bool IsThread);
