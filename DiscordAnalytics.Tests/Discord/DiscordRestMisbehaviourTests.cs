using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// A REST API that does not answer, answers 500 or HTML, or asks for an absurd wait: every call fails as a
/// <see cref="DiscordRestException"/> the callers already handle, and <see cref="DiscordRestHealth"/> says why.
/// </summary>
public sealed class DiscordRestMisbehaviourTests : IAsyncLifetime
{
    private Emulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await Emulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Request_NoAnswerWithinTheTimeout_ThrowsRestExceptionAndSaysNotAnswering()
    {
        _emulator.RestFault = RestFault.NeverAnswer;
        var (client, health) = Client(TimeProvider.System, httpTimeout: TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetCurrentUserAsync(CancellationToken.None));

        Assert.Equal(DiscordRestState.NotAnswering, health.State);
        Assert.Equal("Discord REST not answering", health.Problem);
    }

    [Fact]
    public async Task Request_HtmlInsteadOfJson_ThrowsRestExceptionAndSaysNotJson()
    {
        _emulator.RestFault = RestFault.Garbage;
        var (client, health) = Client(TimeProvider.System);

        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(DiscordRestState.Failing, health.State);
        Assert.Equal("Discord REST answering with something that is not JSON", health.Problem);
    }

    [Fact]
    public async Task Request_JsonOfTheWrongShape_ThrowsRestExceptionOrReadsNothing()
    {
        _emulator.EnqueueRestResponse("/gateway/bot", 200, "[1,2,3]");
        _emulator.EnqueueRestResponse("/applications/@me", 200, "\"flags\"");
        _emulator.EnqueueRestResponse("/guilds/849255963033600000/threads/active", 200, "42");
        var (client, _) = Client(TimeProvider.System);

        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync(CancellationToken.None));
        Assert.Null(await client.GetCurrentApplicationFlagsAsync(CancellationToken.None));
        Assert.Empty(await client.GetActiveThreadsAsync(849255963033600000, CancellationToken.None));
    }

    [Fact]
    public async Task Request_ServerErrorsThenRecovery_SaysFailingThenNothing()
    {
        _emulator.RestFault = RestFault.ServerError;
        var (client, health) = Client(TimeProvider.System);

        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetCurrentUserAsync(CancellationToken.None));
        Assert.Equal(DiscordRestState.Failing, health.State);
        Assert.Equal("Discord REST failing (HTTP 500)", health.Problem);

        _emulator.RestFault = RestFault.None;
        await client.GetCurrentUserAsync(CancellationToken.None);
        Assert.Equal(DiscordRestState.Answering, health.State);
        Assert.Null(health.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Request_429WithAbsurdRetryAfter_FailsAtOnceAndTheNextRequestWaitsOnlyTheClamp(bool global)
    {
        // A trillion seconds also overflows TimeSpan: before the clamp this threw OverflowException out of the client.
        _emulator.EnqueueRateLimited("/users/@me", Emulator.AbsurdRetryAfterSeconds, global);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (client, health) = Client(time);

        var refused = await Assert.ThrowsAsync<DiscordRestException>(() => client.GetCurrentUserAsync(CancellationToken.None));
        Assert.Single(_emulator.RestRequests);
        Assert.Equal(DiscordRestState.RateLimited, health.State);
        Assert.Equal("Discord REST rate limited: asked to wait 1000000000000 s, waiting 60 s", health.Problem);
        Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);

        var next = client.GetCurrentUserAsync(CancellationToken.None);
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(100);
        Assert.False(next.IsCompleted, "the next request went out before the clamped wait");

        time.Advance(TimeSpan.FromSeconds(2));
        var user = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ulong.Parse(Emulator.BotUserId, System.Globalization.CultureInfo.InvariantCulture), user.Id);
        Assert.Equal(DiscordRestState.Answering, health.State);
    }

    private (DiscordRestClient Client, DiscordRestHealth Health) Client(TimeProvider time, TimeSpan? httpTimeout = null)
    {
        var health = new DiscordRestHealth();
        var options = Options.Create(new DiscordOptions { Token = "rest-misbehaviour-token", ApiBaseUrl = _emulator.ApiBaseUrl });
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        var client = new DiscordRestClient(http, options, time, NullLogger<DiscordRestClient>.Instance, new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 3 }, health);
        return (client, health);
    }
}
