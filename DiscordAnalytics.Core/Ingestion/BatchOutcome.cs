namespace DiscordAnalytics.Core.Ingestion;

/// <summary>What one committed batch did: new events applied, invalid ones skipped, and the guilds whose numbers changed.</summary>
public sealed record BatchOutcome(int Applied, int Rejected, IReadOnlyList<ulong> ChangedGuilds);
