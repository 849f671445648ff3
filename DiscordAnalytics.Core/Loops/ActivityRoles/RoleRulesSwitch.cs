namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>A guild's "act on Discord" switch for its role rules (table <c>roleRuleSwitches</c>); no row = off.</summary>
public sealed class RoleRulesSwitch
{
    public long GuildId { get; set; }

    public bool ActOnDiscord { get; set; }
}
