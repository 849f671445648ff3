namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// One activity-role rule of a guild (table <c>roleRules</c>): members with at least <see cref="Threshold"/> of
/// <see cref="Kind"/> in the last <see cref="Days"/> days get role <see cref="RoleId"/>, and lose it when they no longer
/// qualify. A role is managed by at most one rule of its guild.
/// </summary>
public sealed class RoleRule
{
    public long Id { get; set; }

    public long GuildId { get; set; }

    public RoleRuleKind Kind { get; set; }

    public long Threshold { get; set; }

    public int Days { get; set; }

    public long RoleId { get; set; }

    public bool Enabled { get; set; }

    public RoleRuleStatus Status { get; set; }

    /// <summary>Why the rule failed or was paused, for the owner; null when it went well.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>When <see cref="Status"/> was last set (epoch ms); null before the first apply.</summary>
    public long? StatusAt { get; set; }
}
