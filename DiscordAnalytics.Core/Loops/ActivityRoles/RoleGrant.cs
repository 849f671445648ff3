namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// A member holding a rule's role as far as the app knows (table <c>roleGrants</c>). <see cref="ByApp"/> is true when the
/// app added the role: only then may it remove it. A member found already holding the role (given by hand) is kept here
/// with <see cref="ByApp"/> false, so they are not planned as a gain again, and their role is never removed by the app.
/// </summary>
public sealed class RoleGrant
{
    public long GuildId { get; set; }

    public long RoleId { get; set; }

    public long UserId { get; set; }

    public long RuleId { get; set; }

    public bool ByApp { get; set; }

    /// <summary>When the app added the role or found it held (epoch ms).</summary>
    public long At { get; set; }
}
