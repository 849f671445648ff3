namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A guild's complete member lists with roles (a GUILD_CREATE naming every member, or the REST member pages): role
/// filters are exact from the first one on; before it, members' roles are known only from when each was first seen.
/// </summary>
public sealed class RoleSnapshot
{
    public long GuildId { get; set; }

    /// <summary>The first complete list (epoch ms).</summary>
    public long FirstAt { get; set; }

    /// <summary>The latest complete list (epoch ms).</summary>
    public long LastAt { get; set; }
}
