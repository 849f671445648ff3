namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>Why a set of rules cannot be saved: the field at fault (e.g. <c>rules[1].days</c>) and the reason.</summary>
public sealed record RoleRuleProblem(string Field, string Reason);
