using System.Diagnostics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const ulong GuildId = 849255963033600000;
    private const string Token = "rest-test-token";
    private Emulator _emulator = null!;
    private DiscordRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulator.StartAsync();
        _emulator.ExpectedToken = Token;
        var options = Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = _emulator.ApiBaseUrl });
        _client = new DiscordRestClient(new HttpClient(), options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance, new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 4 });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task GetCurrentUser_Always_SendsBotAuthorizationAndDiscordUserAgent()
    {
        var user = await _client.GetCurrentUserAsync(CancellationToken.None);

        Assert.Equal(1073536303104000000UL, user.Id);
        Assert.True(user.IsBot);
        var request = Assert.Single(_emulator.RestRequests);
        Assert.Equal($"Bot {Token}", request.Authorization);
        Assert.Matches(@"^DiscordBot \(\S+, [\d.]+\)$", request.UserAgent);
    }

    [Fact]
    public async Task GetGatewayBot_Answered_ReturnsGatewayUrl()
    {
        var info = await _client.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal(_emulator.GatewayUrl, info.Url);
        Assert.Equal(1, info.Shards);
    }

    [Fact]
    public async Task GetGuildChannelsAndActiveThreads_Answered_ReturnsObjects()
    {
        var channels = await _client.GetGuildChannelsAsync(GuildId, CancellationToken.None);
        var threads = await _client.GetActiveThreadsAsync(GuildId, CancellationToken.None);

        Assert.Equal(5, channels.Count);
        Assert.Equal(2, threads.Count);
        Assert.All(threads, t => Assert.Equal("849255963033600000", t.GetProperty("guild_id").GetString()));
    }

    [Fact]
    public async Task GetGuildChannels_BucketExhausted_WaitsForResetInsteadOfHitting429()
    {
        _emulator.RouteLimit = 2;
        _emulator.RouteResetAfter = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
        {
            await _client.GetGuildChannelsAsync(GuildId, CancellationToken.None);
        }

        Assert.Equal(0, _emulator.UnexpectedRateLimits);
        Assert.Equal(5, _emulator.RestRequests.Count(r => r.Status == 200));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), $"two bucket resets had to pass, took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task GetGuildChannels_OtherGuild_HasItsOwnBucket()
    {
        _emulator.RouteLimit = 1;
        _emulator.RouteResetAfter = TimeSpan.FromSeconds(30);
        await _client.GetGuildChannelsAsync(GuildId, CancellationToken.None);

        var other = _client.GetGuildChannelsAsync(1017723324727296000, CancellationToken.None);

        Assert.Equal(5, (await other.WaitAsync(TimeSpan.FromSeconds(5))).Count);
    }

    [Fact]
    public async Task Request_PerRoute429_RetriesAfterRetryAfter()
    {
        _emulator.EnqueueRateLimited("/users/@me", retryAfterSeconds: 0.25, global: false);

        await _client.GetCurrentUserAsync(CancellationToken.None);

        var requests = _emulator.RestRequests;
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(230), "waited retry_after");
    }

    [Fact]
    public async Task Request_Global429WithoutBucketHeaders_RetriesAfterRetryAfter()
    {
        _emulator.EnqueueRateLimited("/users/@me", retryAfterSeconds: 0.3, global: true);

        await _client.GetCurrentUserAsync(CancellationToken.None);

        var requests = _emulator.RestRequests;
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(270), "waited retry_after");
    }

    [Fact]
    public async Task Request_ServerErrors_BacksOffThenSucceeds()
    {
        _emulator.EnqueueServerError("/users/@me", 502);
        _emulator.EnqueueServerError("/users/@me", 503);

        await _client.GetCurrentUserAsync(CancellationToken.None);

        var requests = _emulator.RestRequests;
        Assert.Equal([502, 503, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(40), "backed off after the first 5xx");
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(80), "backed off longer after the second 5xx");
    }

    [Fact]
    public async Task Request_ServerErrorsPersist_ThrowsAfterMaxAttempts()
    {
        for (var i = 0; i < 10; i++)
        {
            _emulator.EnqueueServerError("/users/@me");
        }

        await Assert.ThrowsAsync<DiscordRestException>(() => _client.GetCurrentUserAsync(CancellationToken.None));
        Assert.Equal(4, _emulator.RestRequests.Count);
    }

    [Fact]
    public async Task Request_401_ThrowsAndStopsCallingDiscord()
    {
        _emulator.ExpectedToken = "another-token";

        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => _client.GetCurrentUserAsync(CancellationToken.None));
        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => _client.GetGatewayBotAsync(CancellationToken.None));

        Assert.Single(_emulator.RestRequests);
        Assert.True(_client.IsUnauthorized);
    }
}
