using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.PublicLeaderboard;

/// <summary>
/// A fixed one-minute window of requests per client for the anonymous public pages: what an unauthenticated visitor
/// can make the app compute is bounded, and so is the rate of token guesses (hopeless anyway at 256 bits).
/// </summary>
public sealed class PublicPageThrottle(TimeProvider time, IOptions<PublicLeaderboardOptions> options)
{
    private const long WindowMs = 60_000;

    /// <summary>Past this many clients, windows that are over are dropped (a scan cannot grow the table without end).</summary>
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, (long Start, int Count)> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Counts a request of <paramref name="client"/>; false with the seconds to wait when it is over the limit.</summary>
    public bool TryTake(string client, out int retryAfterSeconds)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (_clients.Count > PruneAbove)
            {
                foreach (var over in _clients.Where(c => now - c.Value.Start >= WindowMs).Select(c => c.Key).ToList())
                {
                    _clients.Remove(over);
                }
            }

            var (start, count) = _clients.GetValueOrDefault(client, (now, 0));
            if (now - start >= WindowMs)
            {
                (start, count) = (now, 0);
            }

            retryAfterSeconds = (int)Math.Ceiling((start + WindowMs - now) / 1000.0);
            if (count >= options.Value.RequestsPerMinute)
            {
                return false;
            }

            _clients[client] = (start, count + 1);
            return true;
        }
    }
}
