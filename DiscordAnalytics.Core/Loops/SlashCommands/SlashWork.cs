using System.Text.Json;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// One piece of work for <see cref="SlashCommandService"/>: a fresh gateway session (its application and guilds), a
/// guild whose settings changed, or an interaction to answer (detached from the gateway's buffer).
/// </summary>
public sealed record SlashWork(SlashWorkKind Kind, ulong? ApplicationId, IReadOnlyList<ulong> GuildIds, JsonElement Interaction)
{
    public static SlashWork Session(ulong? applicationId, IReadOnlyList<ulong> guildIds) => new(SlashWorkKind.Session, applicationId, guildIds, default);

    public static SlashWork SettingsChanged(ulong guildId) => new(SlashWorkKind.SettingsChanged, null, [guildId], default);

    public static SlashWork Answer(JsonElement interaction) => new(SlashWorkKind.Interaction, null, [], interaction);
}
