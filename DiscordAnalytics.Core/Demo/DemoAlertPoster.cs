using System.Collections.Concurrent;
using DiscordAnalytics.Core.Loops.Alerts;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Where the demo community's alerts go: kept in memory and recorded as simulated; nothing here touches a network.
/// </summary>
public sealed class DemoAlertPoster : IAlertPoster
{
    private readonly ConcurrentQueue<(ulong Channel, string Text, ulong? Role)> _posted = new();

    public AlertResult Done => AlertResult.Simulated;

    /// <summary>The alerts "posted" so far, oldest first.</summary>
    public IReadOnlyList<(ulong Channel, string Text, ulong? Role)> Posted => [.. _posted];

    public Task<long?> PostAsync(ulong channelId, string text, ulong? roleId, string nonce, CancellationToken cancellationToken)
    {
        _posted.Enqueue((channelId, text, roleId));
        return Task.FromResult<long?>(null);
    }
}
