using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>A store that answers one fixed last-event time (null: nothing stored).</summary>
public sealed class FixedLastEventAtReader(long? lastEventAt) : ILastEventAtReader
{
    public Task<long?> GetLastEventAtAsync(ulong guildId, CancellationToken cancellationToken) => Task.FromResult(lastEventAt);
}
