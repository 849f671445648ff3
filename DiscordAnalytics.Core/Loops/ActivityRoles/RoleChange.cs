namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>One role change the app made or tried (table <c>roleChanges</c>): member, role, rule, when and result.</summary>
public sealed class RoleChange
{
    public long Id { get; set; }

    public long GuildId { get; set; }

    public long RuleId { get; set; }

    public long RoleId { get; set; }

    public long UserId { get; set; }

    public RoleChangeAction Action { get; set; }

    public RoleChangeResult Result { get; set; }

    /// <summary>Why it failed (never message content); null otherwise.</summary>
    public string? Message { get; set; }

    /// <summary>Epoch ms.</summary>
    public long At { get; set; }
}
