using System.Globalization;
using System.Text.Json;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>The invite endpoints the invite tracker reads (both need the Manage Server permission: 403, code 50013, without).</summary>
public sealed partial class DiscordRestClient
{
    /// <summary><c>GET /guilds/{id}/invites</c>: invite objects with their metadata (uses, max_uses, expires_at).</summary>
    public async Task<IReadOnlyList<JsonElement>> GetGuildInvitesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var id = guildId.ToString(CultureInfo.InvariantCulture);
        using var document = await SendJsonAsync(DiscordRoute.Get("/guilds/{guild_id}/invites", $"/guilds/{id}/invites", guildId), cancellationToken).ConfigureAwait(false);
        return Json.ArrayItems(document.RootElement);
    }

    /// <summary><c>GET /guilds/{id}/vanity-url</c>: <c>{code, uses}</c>, <c>code</c> null when the guild has no vanity URL.</summary>
    public async Task<JsonElement> GetVanityUrlAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var id = guildId.ToString(CultureInfo.InvariantCulture);
        using var document = await SendJsonAsync(DiscordRoute.Get("/guilds/{guild_id}/vanity-url", $"/guilds/{id}/vanity-url", guildId), cancellationToken).ConfigureAwait(false);
        return document.RootElement.Clone();
    }
}
