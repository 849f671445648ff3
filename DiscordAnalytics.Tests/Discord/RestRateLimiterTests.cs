using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Discord;

public sealed class RestRateLimiterTests
{
    [Fact]
    public async Task AcquireAsync_GlobalLimitReached_WaitsForTheNextSecondAndItsMargin()
    {
        var time = new FakeTimeProvider();
        var limiter = new RestRateLimiter(time, globalPerSecond: 3);
        for (var i = 0; i < 3; i++)
        {
            RestRateLimiter.Release(await limiter.AcquireAsync(Route(i), CancellationToken.None));
        }

        var fourth = limiter.AcquireAsync(Route(3), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);

        // A second on our clock is not yet a second where Discord counts: the limiter keeps a margin for arrival jitter.
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(20));
        RestRateLimiter.Release(await fourth.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Update_AbsurdResetAfter_BlocksTheBucketOnlyForTheClamp()
    {
        // 1e300 s overflowed TimeSpan (an exception out of every request on that route) before the clamp.
        var time = new FakeTimeProvider();
        var limiter = new RestRateLimiter(time, globalPerSecond: 50);
        var bucket = await limiter.AcquireAsync(Route(1), CancellationToken.None);
        using (var response = new HttpResponseMessage())
        {
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "0");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset-After", "1e300");
            limiter.Update(Route(1), bucket, response.Headers);
        }

        RestRateLimiter.Release(bucket);

        var next = limiter.AcquireAsync(Route(1), CancellationToken.None);
        await Task.Delay(50);
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));
        RestRateLimiter.Release(await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AcquireAsync_BucketBlockedBy429_WaitsRetryAfterOnlyForThatResource()
    {
        var time = new FakeTimeProvider();
        var limiter = new RestRateLimiter(time, globalPerSecond: 50);
        var bucket = await limiter.AcquireAsync(Route(1), CancellationToken.None);
        limiter.OnRateLimited(bucket, global: false, TimeSpan.FromSeconds(2));
        RestRateLimiter.Release(bucket);

        var blocked = limiter.AcquireAsync(Route(1), CancellationToken.None);
        var otherGuild = limiter.AcquireAsync(Route(2), CancellationToken.None);
        RestRateLimiter.Release(await otherGuild.WaitAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));
        RestRateLimiter.Release(await blocked.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AcquireAsync_Global429_BlocksEveryRouteForRetryAfter()
    {
        var time = new FakeTimeProvider();
        var limiter = new RestRateLimiter(time, globalPerSecond: 50);
        var bucket = await limiter.AcquireAsync(Route(1), CancellationToken.None);
        limiter.OnRateLimited(bucket, global: true, TimeSpan.FromSeconds(3));
        RestRateLimiter.Release(bucket);

        var otherRoute = limiter.AcquireAsync(DiscordRoute.Get("/users/@me", "/users/@me"), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(otherRoute.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(3));
        RestRateLimiter.Release(await otherRoute.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static DiscordRoute Route(int guild) => DiscordRoute.Get("/guilds/{guild_id}/channels", $"/guilds/{guild}/channels", (ulong)guild + 1);
}
