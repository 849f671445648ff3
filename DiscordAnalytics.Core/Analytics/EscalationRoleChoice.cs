namespace DiscordAnalytics.Core.Analytics;

/// <summary>A stored role of the guild and whether it is an escalation (moderator) role for support signals.</summary>
public sealed record EscalationRoleChoice(string RoleId, string Name, bool IsEscalationRole);
