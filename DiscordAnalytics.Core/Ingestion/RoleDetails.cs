namespace DiscordAnalytics.Core.Ingestion;

/// <summary>What a role event says about the role besides its name: RGB color (0 none), Discord's sort position, and whether an integration manages it.</summary>
public sealed record RoleDetails(int Color, int Position, bool Managed);
