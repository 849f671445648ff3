using System.Text.Json;
using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>
/// Passes requests through to a real source and, on the Nth message page, hands the page over and then pulls
/// the plug (cancels the process's token) before the runner can checkpoint it: the page is fetched but never
/// recorded, as when the process is killed mid-channel. With <paramref name="channelId"/>, only that channel's pages
/// are counted (channels are paged concurrently, so the Nth page overall is not a fixed one).
/// </summary>
public sealed class InterruptingHistorySource(IHistorySource inner, int killOnPage, CancellationTokenSource plug, ulong? channelId = null) : IHistorySource
{
    private int _pages;

    public string Kind => inner.Kind;

    public Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetChannelsAsync(guildId, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetActiveThreadsAsync(guildId, cancellationToken);

    public Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken) =>
        inner.GetArchivedPublicThreadsAsync(channelId, before, cancellationToken);

    public async Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channel, ulong? before, CancellationToken cancellationToken)
    {
        var page = await inner.GetMessagesAsync(channel, before, cancellationToken);
        if ((channelId is null || channelId == channel) && Interlocked.Increment(ref _pages) == killOnPage)
        {
            await plug.CancelAsync();
        }

        return page;
    }

    public Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken) =>
        inner.GetReactorsAsync(channelId, messageId, emoji, after, cancellationToken);
}
