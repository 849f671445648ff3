using System.Text;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Discord;

public sealed class GatewayPrimitivesTests
{
    [Fact]
    public async Task SendLimiter_121stSendWithin60Seconds_WaitsUntilTheWindowMoves()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < 120; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
        }

        var next = limiter.WaitAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Transport_FrameOver4096Bytes_IsRefusedBeforeSending()
    {
        await using var transport = new GatewayTransport(NullLogger.Instance, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(new byte[4097], CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"d\":{}}")]
    [InlineData("{\"op\":\"ten\"}")]
    public void Transport_DecodeMalformed_YieldsMalformedFrame(string text)
    {
        Assert.Equal(GatewayFrameKind.Malformed, GatewayTransport.Decode(Encoding.UTF8.GetBytes(text)).Kind);
    }

    [Fact]
    public void Transport_DecodeHeartbeatAckWithNulls_YieldsPayload()
    {
        var frame = GatewayTransport.Decode(Encoding.UTF8.GetBytes("""{"op":11,"d":null,"s":null,"t":null}"""));

        Assert.Equal(11, frame.Payload!.Op);
        Assert.Null(frame.Payload.Sequence);
    }

    [Theory]
    [InlineData("GuildMembers,MessageContent", 34499)]
    [InlineData("", 1729)]
    [InlineData("MessageContent", 34497)]
    [InlineData(" guildmembers ; bogus", 1731)]
    public void IntentsParser_ConfiguredPrivilegedIntents_AddedToUnprivileged(string configured, int expected)
    {
        Assert.Equal(expected, (int)GatewayIntentsParser.FromOptions(new DiscordOptions { PrivilegedIntents = configured }));
    }

    [Theory]
    [InlineData(null, ReconnectAction.Resume)]
    [InlineData(4000, ReconnectAction.Resume)]
    [InlineData(4001, ReconnectAction.Resume)]
    [InlineData(4002, ReconnectAction.Resume)]
    [InlineData(4003, ReconnectAction.Resume)]
    [InlineData(4005, ReconnectAction.Resume)]
    [InlineData(4008, ReconnectAction.Resume)]
    [InlineData(4007, ReconnectAction.Identify)]
    [InlineData(4009, ReconnectAction.Identify)]
    [InlineData(1000, ReconnectAction.Identify)]
    [InlineData(1001, ReconnectAction.Identify)]
    [InlineData(4004, ReconnectAction.Fatal)]
    [InlineData(4010, ReconnectAction.Fatal)]
    [InlineData(4011, ReconnectAction.Fatal)]
    [InlineData(4012, ReconnectAction.Fatal)]
    [InlineData(4013, ReconnectAction.Fatal)]
    [InlineData(4014, ReconnectAction.Fatal)]
    public void CloseCodes_Classify_FollowsTheDocumentedTable(int? code, ReconnectAction expected)
    {
        Assert.Equal(expected, GatewayCloseCodes.Classify(code));
    }

    [Theory]
    [InlineData("wss://gateway.example.test", "wss://gateway.example.test/?v=10&encoding=json")]
    [InlineData("wss://gateway-us-east1-c.discord.gg", "wss://gateway-us-east1-c.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:5000/gateway?v=9", "ws://127.0.0.1:5000/gateway?v=10&encoding=json")]
    public void BuildGatewayUri_AnyUrl_HasV10JsonQuery(string url, string expected)
    {
        Assert.Equal(expected, GatewaySession.BuildGatewayUri(url).ToString());
    }
}
