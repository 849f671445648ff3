namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>What applying one rule did: roles added and removed, and the rule's status after it.</summary>
public sealed record RuleApplyOutcome(string RuleId, int Added, int Removed, int Failed, RoleRuleStatus Status, string? Message);
