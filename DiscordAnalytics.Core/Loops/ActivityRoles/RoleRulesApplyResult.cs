namespace DiscordAnalytics.Core.Loops.ActivityRoles;

public enum RoleRulesApplyState
{
    Applied,
    GuildNotFound,

    /// <summary>The guild's "act on Discord" switch is off: nothing was changed.</summary>
    SwitchedOff,

    /// <summary>No Discord connection and no demo community (no token): nothing to act on.</summary>
    NoDiscord,
}

/// <summary>The answer of one apply of a guild's rules.</summary>
public sealed record RoleRulesApplyResult(RoleRulesApplyState State, IReadOnlyList<RuleApplyOutcome> Rules);
