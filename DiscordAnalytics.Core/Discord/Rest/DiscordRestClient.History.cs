using System.Globalization;
using System.Text.Json;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>The history endpoints backfill pages through (channel messages, archived threads, reactors, members).</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>The page size of message and reactor listings (Discord's maximum).</summary>
    public const int PageSize = 100;

    /// <summary><c>GET /channels/{id}/messages?limit=100[&amp;before=id]</c>: newest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetChannelMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken)
    {
        var id = channelId.ToString(CultureInfo.InvariantCulture);
        var query = before is { } b ? $"?limit={PageSize}&before={b.ToString(CultureInfo.InvariantCulture)}" : $"?limit={PageSize}";
        using var document = await SendJsonAsync(DiscordRoute.Get("/channels/{channel_id}/messages", $"/channels/{id}/messages{query}", channelId), cancellationToken).ConfigureAwait(false);
        return Json.ArrayItems(document.RootElement);
    }

    /// <summary><c>GET /channels/{id}/threads/archived/public?limit=100[&amp;before=ISO8601]</c>.</summary>
    public async Task<(IReadOnlyList<JsonElement> Threads, bool HasMore)> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var id = channelId.ToString(CultureInfo.InvariantCulture);
        var query = before is { } b ? $"?limit={PageSize}&before={Uri.EscapeDataString(b.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture))}" : $"?limit={PageSize}";
        using var document = await SendJsonAsync(DiscordRoute.Get("/channels/{channel_id}/threads/archived/public", $"/channels/{id}/threads/archived/public{query}", channelId), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var threads = root.TryGetProperty("threads", out var list) ? Json.ArrayItems(list) : [];
        return (threads, Json.Bool(root, "has_more") ?? false);
    }

    /// <summary>The page size of member listings (Discord's maximum).</summary>
    public const int MemberPageSize = 1000;

    /// <summary><c>GET /guilds/{id}/members?limit=1000[&amp;after=user]</c>: by user id, ascending. Needs the Server Members intent (403 without).</summary>
    public async Task<IReadOnlyList<JsonElement>> GetGuildMembersAsync(ulong guildId, ulong? after, CancellationToken cancellationToken)
    {
        var id = guildId.ToString(CultureInfo.InvariantCulture);
        var query = after is { } a ? $"?limit={MemberPageSize}&after={a.ToString(CultureInfo.InvariantCulture)}" : $"?limit={MemberPageSize}";
        using var document = await SendJsonAsync(DiscordRoute.Get("/guilds/{guild_id}/members", $"/guilds/{id}/members{query}", guildId), cancellationToken).ConfigureAwait(false);
        return Json.ArrayItems(document.RootElement);
    }

    /// <summary><c>GET /channels/{id}/messages/{mid}/reactions/{emoji}?limit=100[&amp;after=user]</c> (normal reactions).</summary>
    public async Task<IReadOnlyList<JsonElement>> GetReactionUsersAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken)
    {
        var channel = channelId.ToString(CultureInfo.InvariantCulture);
        var message = messageId.ToString(CultureInfo.InvariantCulture);
        var query = after is { } a ? $"?limit={PageSize}&after={a.ToString(CultureInfo.InvariantCulture)}" : $"?limit={PageSize}";
        var path = $"/channels/{channel}/messages/{message}/reactions/{Uri.EscapeDataString(emoji)}{query}";
        using var document = await SendJsonAsync(DiscordRoute.Get("/channels/{channel_id}/messages/{message_id}/reactions/{emoji}", path, channelId), cancellationToken).ConfigureAwait(false);
        return Json.ArrayItems(document.RootElement);
    }
}
