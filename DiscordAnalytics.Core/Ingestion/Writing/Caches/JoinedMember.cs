namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>A member's latest join and their first counted post in the week after it (null: none yet).</summary>
internal readonly record struct JoinedMember(long At, long? FirstPostAt);
