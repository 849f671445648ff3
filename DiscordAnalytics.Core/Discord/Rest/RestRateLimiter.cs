using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>
/// Discord's REST limits: per-route buckets learned from <c>X-RateLimit-Bucket/Remaining/Reset-After</c>
/// and keyed on bucket + top-level resource, a global requests-per-second limit, and the waits a 429
/// (per-route or global) imposes. Never hard-codes a route's limit.
/// </summary>
internal sealed class RestRateLimiter
{
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(20);

    // Discord counts the global limit where requests arrive, not where they leave: a request can reach it a little
    // later or earlier than its neighbours. Without a margin, a client that keeps exactly N in every second of its
    // own clock can land N + 1 in one of Discord's seconds when it runs at full speed (a needless 429).
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1) + ResetMargin;

    private readonly TimeProvider _timeProvider;
    private readonly int _globalPerSecond;
    private readonly TimeSpan _maxWait;
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RestBucket> _buckets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _globalGate = new(1, 1);
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private DateTimeOffset _globalBlockedUntil;

    /// <param name="maxWait">The longest wait any header may impose (absurd values are clamped to it). Default 60 s.</param>
    public RestRateLimiter(TimeProvider timeProvider, int globalPerSecond, TimeSpan? maxWait = null)
    {
        _timeProvider = timeProvider;
        _maxWait = maxWait ?? TimeSpan.FromSeconds(60);
        _globalPerSecond = Math.Max(1, globalPerSecond);
    }

    /// <summary>Waits until the route's bucket and the global limit allow one request; the caller holds the bucket until it calls <see cref="Release"/>.</summary>
    public async Task<RestBucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (bucket.Remaining is 0)
            {
                await DelayUntilAsync(bucket.ResetAt, cancellationToken).ConfigureAwait(false);
                bucket.Remaining = null;
            }

            await AcquireGlobalAsync(cancellationToken).ConfigureAwait(false);
            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    public static void Release(RestBucket bucket) => bucket.Gate.Release();

    /// <summary>Learns the route's bucket and its remaining budget from a response's headers.</summary>
    public void Update(DiscordRoute route, RestBucket bucket, HttpResponseHeaders headers)
    {
        if (TryGetHeader(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            var key = $"{hash}:{route.MajorId}";
            _bucketOfRoute[RouteKeyWithMajor(route)] = key;

            // Routes that share a bucket must share its state from now on.
            var shared = _buckets.GetOrAdd(key, bucket);
            if (!ReferenceEquals(shared, bucket))
            {
                bucket = shared;
            }
        }

        if (int.TryParse(TryGetHeader(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (double.TryParse(TryGetHeader(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter)
            && !double.IsNaN(resetAfter))
        {
            // A broken header (a year, infinity) must neither overflow TimeSpan nor block the bucket for good.
            resetAfter = Math.Clamp(resetAfter, 0, _maxWait.TotalSeconds);
            // Reset-After has millisecond precision and timers can fire a tick early: a small margin
            // keeps us from arriving just before Discord's window opens (a needless 429).
            bucket.ResetAt = _timeProvider.GetUtcNow() + TimeSpan.FromSeconds(resetAfter) + ResetMargin;
        }
    }

    /// <summary>A 429: block the bucket, or everything when it is global, for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(RestBucket bucket, bool global, TimeSpan retryAfter)
    {
        retryAfter = retryAfter > _maxWait ? _maxWait : retryAfter;
        var until = _timeProvider.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_globalWindow)
            {
                if (until > _globalBlockedUntil)
                {
                    _globalBlockedUntil = until;
                }
            }
        }
        else
        {
            bucket.Remaining = 0;
            if (until > bucket.ResetAt)
            {
                bucket.ResetAt = until;
            }
        }
    }

    private RestBucket BucketFor(DiscordRoute route)
    {
        var routeKey = RouteKeyWithMajor(route);
        var key = _bucketOfRoute.TryGetValue(routeKey, out var known) ? known : routeKey;
        return _buckets.GetOrAdd(key, static _ => new RestBucket());
    }

    private static string RouteKeyWithMajor(DiscordRoute route) => $"{route.RouteKey}:{route.MajorId}";

    private async Task AcquireGlobalAsync(CancellationToken cancellationToken)
    {
        await _globalGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                DateTimeOffset blockedUntil;
                lock (_globalWindow)
                {
                    blockedUntil = _globalBlockedUntil;
                }

                var now = _timeProvider.GetUtcNow();
                if (blockedUntil > now)
                {
                    await DelayUntilAsync(blockedUntil, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= GlobalWindow)
                {
                    _globalWindow.Dequeue();
                }

                if (_globalWindow.Count < _globalPerSecond)
                {
                    _globalWindow.Enqueue(now);
                    return;
                }

                await DelayUntilAsync(_globalWindow.Peek() + GlobalWindow, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _globalGate.Release();
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var wait = until - _timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? TryGetHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
