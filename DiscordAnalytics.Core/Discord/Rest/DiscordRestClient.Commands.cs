using System.Globalization;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>
/// Application commands and interaction answers (slash commands): the guild's command list, the answer to an
/// interaction and the edit of a deferred answer. Interaction tokens are in the path only: every log names the route
/// template, never the path.
/// </summary>
public sealed partial class DiscordRestClient
{
    /// <summary><c>PUT /applications/{app}/guilds/{g}/commands</c>: replaces the guild's commands with <paramref name="commandsJson"/> (an array; empty removes them all).</summary>
    public async Task BulkOverwriteGuildCommandsAsync(ulong applicationId, ulong guildId, byte[] commandsJson, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/applications/{applicationId}/guilds/{guildId}/commands");
        var route = DiscordRoute.Put("/applications/{application_id}/guilds/{guild_id}/commands", path, guildId) with { JsonBody = commandsJson };
        using var _ = await SendJsonAsync(route, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: the interaction's answer (type 4) or its deferral (type 5).</summary>
    public async Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, byte[] responseJson, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/interactions/{interactionId}/{Uri.EscapeDataString(interactionToken)}/callback");
        using var _ = await SendJsonAsync(DiscordRoute.Post("/interactions/{interaction_id}/{interaction_token}/callback", path, interactionId, responseJson), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>PATCH /webhooks/{app}/{token}/messages/@original</c>: the answer of a deferred interaction.</summary>
    public async Task EditOriginalInteractionResponseAsync(ulong applicationId, string interactionToken, byte[] messageJson, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}/messages/@original");
        using var _ = await SendJsonAsync(DiscordRoute.Patch("/webhooks/{application_id}/{interaction_token}/messages/@original", path, applicationId, messageJson), cancellationToken).ConfigureAwait(false);
    }
}
