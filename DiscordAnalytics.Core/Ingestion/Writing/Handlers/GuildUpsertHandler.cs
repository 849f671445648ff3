using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a guild's name (metadata: never counted).</summary>
internal sealed class GuildUpsertHandler(WriteContext context)
{
    public void Apply(GuildSeen guild) => context.Sql.UpsertGuild.Defer(guild.Guild, guild.Name, context.GuildMode);
}
