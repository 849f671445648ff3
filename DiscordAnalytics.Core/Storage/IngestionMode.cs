using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Whether this process is fed by the demo simulator or a real gateway; recorded on the guilds it creates (<c>guilds.mode</c>),
/// which is why ingestion writes it and the guild queries read it.
/// </summary>
public sealed record IngestionMode(bool IsDemo)
{
    public GuildMode GuildMode => IsDemo ? GuildMode.Demo : GuildMode.Live;
}
