using System.Text.Json;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// Where history comes from, in Discord's REST shapes: the REST API with a token (<see cref="RestHistorySource"/>),
/// or the demo community (<see cref="DemoHistorySource"/>). Each call is one request. A channel the bot may not
/// read throws <see cref="Discord.Rest.DiscordRestException"/> with status 403.
/// </summary>
public interface IHistorySource
{
    /// <summary><c>live</c> or <c>demo</c>.</summary>
    string Kind { get; }

    /// <summary><c>GET /guilds/{id}/channels</c>.</summary>
    Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary><c>GET /guilds/{id}/threads/active</c> (threads only).</summary>
    Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary><c>GET /channels/{id}/threads/archived/public?before=&lt;ISO8601&gt;&amp;limit=100</c>.</summary>
    Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken);

    /// <summary><c>GET /channels/{id}/messages?limit=100&amp;before=</c>: newest first.</summary>
    Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken);

    /// <summary><c>GET /channels/{id}/messages/{mid}/reactions/{emoji}?limit=100&amp;after=</c>: user objects by id.</summary>
    Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken);

    /// <summary><c>GET /guilds/{id}/members?limit=1000&amp;after=</c>: member objects by user id (a gap repair reads joins from them). None by default.</summary>
    Task<IReadOnlyList<JsonElement>> GetMembersAsync(ulong guildId, ulong? after, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JsonElement>>([]);
}
