namespace DiscordAnalytics.Core.Loops.ActivityRoles;

public enum RoleRulesUpdate
{
    Saved,
    GuildNotFound,

    /// <summary>A rule id in the request is not a rule of this guild (deleted meanwhile, or never was).</summary>
    UnknownRule,
}
