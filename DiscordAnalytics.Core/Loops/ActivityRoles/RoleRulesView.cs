namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A guild's role rules and its "act on Discord" switch (off by default).</summary>
public sealed record RoleRulesView(bool ActOnDiscord, IReadOnlyList<RoleRuleView> Rules);
