namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A logged role change as Settings and the API show it; <see cref="UserId"/> and <see cref="Name"/> are null for a hidden member.</summary>
public sealed record RoleChangeEntry(string Id, string RuleId, string RoleId, string? UserId, string? Name, RoleChangeAction Action, RoleChangeResult Result, string? Message, long At);
