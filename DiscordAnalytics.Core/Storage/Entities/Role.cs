namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>A guild role as last seen (GUILD_CREATE <c>roles</c>, GUILD_ROLE_CREATE/UPDATE/DELETE, REST). The row stays after a delete, so past holdings keep their name.</summary>
public sealed class Role
{
    public long GuildId { get; set; }

    public long RoleId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>RGB as an integer (0: no color).</summary>
    public int Color { get; set; }

    /// <summary>Discord's sort position: higher is listed first in Discord's own member list.</summary>
    public int Position { get; set; }

    /// <summary>Held by an integration or bot (Discord assigns it, an admin cannot).</summary>
    public bool Managed { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The observation these values come from (epoch ms): an older one changes nothing.</summary>
    public long UpdatedAt { get; set; }
}
