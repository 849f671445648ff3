using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Tests.Discord;

public sealed class SnowflakeTests
{
    [Fact]
    public void ToUnixMs_FixtureMessageId_MatchesItsTimestamp()
    {
        // 20_message_create_default.json: id 1350123667996147723, timestamp 2025-03-14T15:09:26.535Z.
        var expected = DateTimeOffset.Parse("2025-03-14T15:09:26.535+00:00").ToUnixTimeMilliseconds();

        Assert.Equal(expected, Snowflake.ToUnixMs(1350123667996147723));
    }

    [Fact]
    public void FromUnixMs_RoundTrips_ToTheSameMillisecond()
    {
        const long ms = 1_764_000_000_123;

        Assert.Equal(ms, Snowflake.ToUnixMs(Snowflake.FromUnixMs(ms)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("12a")]
    [InlineData("0")]
    [InlineData("99999999999999999999999")]
    public void TryParse_NotAnId_ReturnsNull(string? text)
    {
        Assert.Null(Snowflake.TryParse(text));
    }
}
