namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>A guild we have data for (one per connected or simulated Discord server).</summary>
public sealed class Guild
{
    public long GuildId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Fed by the gateway or the simulated community (stored as <c>live</c> or <c>demo</c>).</summary>
    public GuildMode Mode { get; set; } = GuildMode.Live;

    /// <summary>IANA time zone for display and the heat map. Day buckets stay UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The guild's AFK voice channel (time in it is not voice time), or null when it has none or it is not known yet.</summary>
    public long? AfkChannelId { get; set; }

    /// <summary>Newest ingested event time (epoch ms), or null before the first event.</summary>
    public long? LastEventAt { get; set; }

    /// <summary>
    /// Whether the guild's invites could be read: <c>ok</c>, <c>missing_permission</c> (the bot lacks Manage Server), or
    /// null before the first try (<see cref="InvitesStatuses"/>).
    /// </summary>
    public string? InvitesStatus { get; set; }

    /// <summary>When <see cref="InvitesStatus"/> was last decided (epoch ms).</summary>
    public long? InvitesCheckedAt { get; set; }
}
