using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>Whether this process is fed by the demo simulator or a real gateway; recorded on the guilds it creates.</summary>
public sealed record IngestionMode(bool IsDemo)
{
    public GuildMode GuildMode => IsDemo ? GuildMode.Demo : GuildMode.Live;
}
