namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A rule as the owner sends it: <see cref="Id"/> names a stored rule to keep (its holders and status), null adds one.</summary>
public sealed record RoleRuleInput(long? Id, RoleRuleKind Kind, long Threshold, int Days, long RoleId, bool Enabled);
