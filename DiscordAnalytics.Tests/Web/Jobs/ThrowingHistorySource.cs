using System.Text.Json;
using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Tests.Web.Jobs;

/// <summary>
/// Passes requests through to a real source, but throws <paramref name="error"/> instead of fetching the Nth
/// message page (once): an error the runner does not expect, which ends its job inside the job server.
/// </summary>
public sealed class ThrowingHistorySource(IHistorySource inner, int throwOnPage, Func<Exception> error) : IHistorySource
{
    private int _pages;

    public string Kind => inner.Kind;

    public Task<IReadOnlyList<JsonElement>> GetChannelsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetChannelsAsync(guildId, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken) => inner.GetActiveThreadsAsync(guildId, cancellationToken);

    public Task<ArchivedThreadsPage> GetArchivedPublicThreadsAsync(ulong channelId, DateTimeOffset? before, CancellationToken cancellationToken) =>
        inner.GetArchivedPublicThreadsAsync(channelId, before, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetMessagesAsync(ulong channelId, ulong? before, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _pages) == throwOnPage ? throw error() : inner.GetMessagesAsync(channelId, before, cancellationToken);

    public Task<IReadOnlyList<JsonElement>> GetReactorsAsync(ulong channelId, ulong messageId, string emoji, ulong? after, CancellationToken cancellationToken) =>
        inner.GetReactorsAsync(channelId, messageId, emoji, after, cancellationToken);
}
