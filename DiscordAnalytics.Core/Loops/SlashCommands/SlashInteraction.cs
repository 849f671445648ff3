using System.Text.Json;
using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>The parts of an INTERACTION_CREATE an answer needs. The token answers this interaction only: never logged.</summary>
public sealed record SlashInteraction(ulong Id, string Token, ulong ApplicationId, ulong GuildId, ulong UserId, string CommandName)
{
    /// <summary>Discord's interaction type of a slash command (APPLICATION_COMMAND).</summary>
    public const int ApplicationCommandType = 2;

    /// <summary>The slash command in <paramref name="data"/>, or null for any other interaction, one outside a guild, or one missing a part.</summary>
    public static SlashInteraction? Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || Json.Int(data, "type") != ApplicationCommandType)
        {
            return null;
        }

        var user = Json.Object(data, "member") is { } member && Json.Object(member, "user") is { } memberUser ? Json.Snowflake(memberUser, "id") : null;
        var name = Json.Object(data, "data") is { } command ? Json.String(command, "name") : null;
        return (Json.Snowflake(data, "id"), Json.String(data, "token"), Json.Snowflake(data, "application_id"), Json.Snowflake(data, "guild_id"), user, name) switch
        {
            ({ } id, { Length: > 0 } token, { } application, { } guild, { } caller, { } command2) => new SlashInteraction(id, token, application, guild, caller, command2),
            _ => null,
        };
    }
}
