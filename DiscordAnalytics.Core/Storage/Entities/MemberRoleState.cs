namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>When a member's role set was last observed: role observations no newer than this change nothing (late or repeated events).</summary>
public sealed class MemberRoleState
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    public long SeenAt { get; set; }
}
