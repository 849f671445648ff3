namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// What applying one rule would change now: members to gain its role, members to lose it (only ones the app gave it
/// to), and records to drop without a Discord call (<see cref="Released"/>: a hand-given holder who no longer
/// qualifies, or a holder who left the server, whose roles Discord dropped).
/// </summary>
public sealed record RulePlan(RoleRule Rule, IReadOnlyList<long> Gains, IReadOnlyList<long> Losses, IReadOnlyList<long> Released);
