using System.Text.Json;
using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>Passes requests through, but holds the Nth message page until the run is stopped (its token ends).</summary>
public sealed class GatedHistorySource(IHistorySource inner, int holdOnPage) : IHistorySource
{
    private int _pages;

    /// <summary>Completes when the held page is reached.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind => inner.Kind;

    public Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetChannelsAsync(guildId, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetActiveThreadsAsync(guildId, cancellationToken);

    public Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken) =>
        inner.GetArchivedPublicThreadsAsync(channelId, before, cancellationToken);

    public async Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _pages) == holdOnPage)
        {
            Held.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await inner.GetMessagesAsync(channelId, before, cancellationToken);
    }

    public Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken) =>
        inner.GetReactorsAsync(channelId, messageId, emoji, after, cancellationToken);
}
