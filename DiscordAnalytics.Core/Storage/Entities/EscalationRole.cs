namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A role the owner marked as a moderator role for support escalations (<c>escalationRoles</c>): an asker who mentions
/// it in their help thread or question escalates it. Rules: <see cref="Analytics.SupportSignalsQuery"/>.
/// </summary>
public sealed class EscalationRole
{
    public long GuildId { get; set; }

    public long RoleId { get; set; }
}
