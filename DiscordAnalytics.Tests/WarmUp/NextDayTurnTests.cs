using DiscordAnalytics.Core.WarmUp;

namespace DiscordAnalytics.Tests.WarmUp;

/// <summary>When the warm-up runs again: the first of the UTC midnight and each guild's local midnight after now.</summary>
public sealed class NextDayTurnTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    // Tokyo (UTC+9): its midnight comes at 15:00 UTC, before the UTC day turns.
    [InlineData("Asia/Tokyo", "2026-11-20T15:00:00+00:00")]
    // Kolkata (UTC+5:30): at 18:30 UTC.
    [InlineData("Asia/Kolkata", "2026-11-20T18:30:00+00:00")]
    // New York's midnight (05:00 UTC tomorrow) comes after the UTC day turns: the windows move first.
    [InlineData("America/New_York", "2026-11-21T00:00:00+00:00")]
    public void FirstTurnAfterNow_IsTheEarliestLocalOrUtcMidnight(string zone, string expected)
    {
        var next = KeptWindowsWarmUp.NextDayTurn([TimeZoneInfo.FindSystemTimeZoneById(zone), TimeZoneInfo.Utc], Noon);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void AMidnightSkippedByAClockChange_TurnsAtTheFirstValidInstantAfterIt()
    {
        // Santiago moves its clocks from 00:00 to 01:00 on 2026-09-06 (UTC-4 to UTC-3): that day starts at 01:00 local.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var evening = new DateTimeOffset(2026, 9, 6, 2, 0, 0, TimeSpan.Zero); // 22:00 local on the 5th

        var next = KeptWindowsWarmUp.NextDayTurn([zone], evening);

        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), next);
    }
}
