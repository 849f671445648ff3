namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>Where activity in a channel counts: the channel itself, or for a thread its parent (with the thread kept beside it).</summary>
internal readonly record struct CountedChannel(long Channel, long? Thread);
