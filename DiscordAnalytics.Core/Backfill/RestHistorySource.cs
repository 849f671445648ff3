using System.Text.Json;
using DiscordAnalytics.Core.Discord.Rest;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>History from Discord's REST API through <see cref="DiscordRestClient"/> (its buckets, 429 and 5xx handling).</summary>
public sealed class RestHistorySource(DiscordRestClient rest) : IHistorySource
{
    public string Kind => "live";

    public Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken) =>
        rest.GetGuildChannelsAsync(guildId, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken) =>
        rest.GetActiveThreadsAsync(guildId, cancellationToken);

    public async Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var (threads, hasMore) = await rest.GetArchivedPublicThreadsAsync(channelId, before, cancellationToken).ConfigureAwait(false);
        return new ArchivedThreadsPage(threads, hasMore);
    }

    public Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken) =>
        rest.GetChannelMessagesAsync(channelId, before, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken) =>
        rest.GetReactionUsersAsync(channelId, messageId, emoji, after, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetMembersAsync(ulong guildId, ulong? after, CancellationToken cancellationToken) =>
        rest.GetGuildMembersAsync(guildId, after, cancellationToken);
}
