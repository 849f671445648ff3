namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>A role the dashboard's role picker offers: id, name and RGB color (0: none).</summary>
public sealed record GuildRole(string RoleId, string Name, int Color);
