using System.Text.Json;
using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>
/// Passes requests through to a real source and, on the Nth message page, hands the page over and then pulls
/// the plug (cancels the process's token) before the runner can checkpoint it: the page is fetched but never
/// recorded, as when the process is killed mid-channel.
/// </summary>
public sealed class InterruptingHistorySource(IHistorySource inner, int killOnPage, CancellationTokenSource plug) : IHistorySource
{
    private int _pages;

    public string Kind => inner.Kind;

    public Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetChannelsAsync(guildId, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetActiveThreadsAsync(guildId, cancellationToken);

    public Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken) =>
        inner.GetArchivedPublicThreadsAsync(channelId, before, cancellationToken);

    public async Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken)
    {
        var page = await inner.GetMessagesAsync(channelId, before, cancellationToken);
        if (Interlocked.Increment(ref _pages) == killOnPage)
        {
            await plug.CancelAsync();
        }

        return page;
    }

    public Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken) =>
        inner.GetReactorsAsync(channelId, messageId, emoji, after, cancellationToken);
}
