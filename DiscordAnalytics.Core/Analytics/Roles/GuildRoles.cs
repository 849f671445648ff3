namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>A guild's current roles (Discord's order: highest position first, ties by id) and from when role filters are exact (epoch ms; null before the first complete member list).</summary>
public sealed record GuildRoles(IReadOnlyList<GuildRole> Roles, long? ExactFrom);
