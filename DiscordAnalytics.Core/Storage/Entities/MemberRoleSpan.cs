namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A member held a role from <see cref="FromAt"/> until <see cref="ToAt"/> (null while held), epoch ms. "Who held role R
/// on day D" is the spans that start before the day ends and end after it starts (or never).
/// </summary>
public sealed class MemberRoleSpan
{
    public long GuildId { get; set; }

    public long UserId { get; set; }

    public long RoleId { get; set; }

    public long FromAt { get; set; }

    public long? ToAt { get; set; }

    /// <summary>
    /// The member already held the role when we first saw their roles (a start-up snapshot): <see cref="FromAt"/> is when we
    /// learnt it, not when they gained it, so it is no gain in the role changes.
    /// </summary>
    public bool HeldWhenFirstSeen { get; set; }
}
