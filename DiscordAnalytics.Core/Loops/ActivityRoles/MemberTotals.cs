namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A member's summed day rollups over a rule's window.</summary>
public sealed record MemberTotals(long User, long Messages, long Reactions, long VoiceMs);
