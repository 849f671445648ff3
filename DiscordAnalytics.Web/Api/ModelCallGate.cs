using System.Globalization;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// Runs the API's model-calling requests (insight refresh, digest generation) one at a time per guild, and at most
/// <see cref="ModelCallOptions.CallsPerGuildPerMinute"/> per guild in any minute (a sliding window on the injected
/// clock). A request that cannot run is refused at once, 429 with Retry-After, never queued: a queue would hold
/// connections and still end in the same model bill.
/// </summary>
public sealed class ModelCallGate(IOptions<ModelCallOptions> options, TimeProvider time)
{
    /// <summary>What a request that meets another one of its guild still running is told to wait.</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Above this many remembered guilds, idle ones are forgotten (ids come from requests, even unknown ones).</summary>
    private const int SweepAbove = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, GuildModelCalls> _guilds = [];

    /// <summary>A lease to run one request for <paramref name="guildId"/>, or null with how long to wait.</summary>
    public ModelCallLease? TryEnter(ulong guildId, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_guilds.Count > SweepAbove)
            {
                Sweep(now);
            }

            if (!_guilds.TryGetValue(guildId, out var calls))
            {
                calls = new GuildModelCalls();
                _guilds[guildId] = calls;
            }

            Prune(calls, now);
            if (calls.Running)
            {
                retryAfter = BusyRetryAfter;
                return null;
            }

            if (calls.Starts.Count >= options.Value.CallsPerGuildPerMinute)
            {
                retryAfter = calls.Starts.Peek() + Window - now;
                return null;
            }

            calls.Running = true;
            calls.Starts.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return new ModelCallLease(this, guildId);
        }
    }

    /// <summary>The 429 problem+json with <c>Retry-After</c> in whole seconds (at least one).</summary>
    public static IResult TooManyRequests(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many model requests",
            detail: $"This server's insights or digest are being generated, or were generated too often in the last minute; try again in {seconds} s.");
    }

    internal void Release(ulong guildId)
    {
        lock (_gate)
        {
            if (_guilds.TryGetValue(guildId, out var calls))
            {
                calls.Running = false;
            }
        }
    }

    private static void Prune(GuildModelCalls calls, DateTimeOffset now)
    {
        while (calls.Starts.TryPeek(out var start) && start + Window <= now)
        {
            calls.Starts.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, calls) in _guilds.ToList())
        {
            Prune(calls, now);
            if (!calls.Running && calls.Starts.Count == 0)
            {
                _guilds.Remove(id);
            }
        }
    }
}
