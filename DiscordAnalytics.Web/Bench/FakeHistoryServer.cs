using System.Globalization;
using System.Text;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// A small loopback stand-in for Discord's history REST surface, for the backfill benchmark only: one guild's text
/// channels, each with a fixed number of messages, served newest first with Discord's rate-limit headers at
/// <see cref="PerChannelPerSecond"/> per channel bucket and a <see cref="GlobalPerSecond"/> global limit (429 beyond).
/// </summary>
public sealed class FakeHistoryServer(int channels, int messagesPerChannel, long newestMs) : IAsyncDisposable
{
    public const int PerChannelPerSecond = 5;
    public const int GlobalPerSecond = 50;
    public const ulong GuildId = 990_000_000_000_000_001;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Left, DateTimeOffset ResetAt)> _buckets = [];
    private (int Left, DateTimeOffset ResetAt) _global;
    private WebApplication? _app;

    public string ApiBaseUrl { get; private set; } = string.Empty;

    public int MessageRequests { get; private set; }

    /// <summary>429s because a channel's bucket was empty (a client that keeps its buckets never gets one).</summary>
    public int BucketRateLimited { get; private set; }

    /// <summary>429s because the global limit was spent in the current second.</summary>
    public int GlobalRateLimited { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/api/v10/guilds/{guild}/channels", () => Results.Text(ChannelsJson(), "application/json"));
        _app.MapGet("/api/v10/guilds/{guild}/threads/active", () => Results.Text("""{"threads":[],"members":[]}""", "application/json"));
        _app.MapGet("/api/v10/channels/{channel}/threads/archived/public", () => Results.Text("""{"threads":[],"members":[],"has_more":false}""", "application/json"));
        _app.MapGet("/api/v10/channels/{channel}/messages", (string channel, ulong? before, HttpResponse response) => Take($"messages:{channel}", response) switch
        {
            (Refusal.None, _) => Results.Text(MessagesJson(channel, before), "application/json"),
            var (refusal, retryAfter) => Results.Text(
                string.Create(CultureInfo.InvariantCulture, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter:0.000}},"global":{{(refusal == Refusal.Global ? "true" : "false")}}}"""),
                "application/json",
                statusCode: 429),
        });
        await _app.StartAsync();
        ApiBaseUrl = _app.Urls.First() + "/api/v10";
    }

    private enum Refusal
    {
        None,
        Bucket,
        Global,
    }

    /// <summary>
    /// Takes one request from the channel's bucket and the global limit. Each window opens with the first request
    /// after the previous one closed, as Discord's do. A global refusal is answered as Discord answers one: flagged
    /// global, no bucket headers, the wait until the global window reopens.
    /// </summary>
    private (Refusal Refusal, double RetryAfter) Take(string bucket, HttpResponse response)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            MessageRequests++;
            if (_global.ResetAt <= now)
            {
                _global = (GlobalPerSecond, now.AddSeconds(1));
            }

            if (!_buckets.TryGetValue(bucket, out var b) || b.ResetAt <= now)
            {
                b = (PerChannelPerSecond, now.AddSeconds(1));
            }

            if (b.Left > 0 && _global.Left == 0)
            {
                GlobalRateLimited++;
                response.Headers["X-RateLimit-Global"] = "true";
                response.Headers["X-RateLimit-Scope"] = "global";
                return (Refusal.Global, (_global.ResetAt - now).TotalSeconds);
            }

            var allowed = b.Left > 0;
            if (allowed)
            {
                b.Left--;
                _global.Left--;
            }
            else
            {
                BucketRateLimited++;
            }

            _buckets[bucket] = b;
            response.Headers["X-RateLimit-Limit"] = PerChannelPerSecond.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = b.Left.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset-After"] = Math.Max(0, (b.ResetAt - now).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Bucket"] = "messages";
            return (allowed ? Refusal.None : Refusal.Bucket, (b.ResetAt - now).TotalSeconds);
        }
    }

    private string ChannelsJson()
    {
        var json = new StringBuilder("[");
        for (var c = 0; c < channels; c++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{{(c > 0 ? "," : "")}}{"id":"{{ChannelId(c)}}","type":0,"name":"channel-{{c}}","guild_id":"{{GuildId}}"}""");
        }

        return json.Append(']').ToString();
    }

    /// <summary>Message i of a channel is i minutes before <c>newestMs</c>; ids are snowflakes of that time.</summary>
    private string MessagesJson(string channel, ulong? before)
    {
        var json = new StringBuilder("[");
        var written = 0;
        for (var i = 0; i < messagesPerChannel && written < 100; i++)
        {
            var id = Core.Discord.Snowflake.FromUnixMs(newestMs - (i * 60_000L)) + (ulong.Parse(channel, CultureInfo.InvariantCulture) % 1000);
            if (before is { } b && id >= b)
            {
                continue;
            }

            json.Append(CultureInfo.InvariantCulture, $$"""{{(written > 0 ? "," : "")}}{"id":"{{id}}","channel_id":"{{channel}}","type":0,"content":"bench","author":{"id":"{{500 + (i % 50)}}","username":"member"},"reactions":[]}""");
            written++;
        }

        return json.Append(']').ToString();
    }

    public static ulong ChannelId(int index) => 991_000_000_000_000_000UL + (ulong)index;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
