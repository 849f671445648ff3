using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;

namespace DiscordAnalytics.Tests.Digests;

public sealed class WeeklyOccurrenceTests
{
    private static readonly TimeZoneInfo NewYork = IanaTimeZones.Find("America/New_York")!;
    private static readonly TimeZoneInfo Berlin = IanaTimeZones.Find("Europe/Berlin")!;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Next_AcrossTheSpringChange_KeepsTheLocalHour()
    {
        // Monday 09:00 in Berlin: 08:00 UTC in winter time, 07:00 UTC after the change of 2026-03-29.
        var first = WeeklyOccurrence.Next(DayOfWeek.Monday, 9, Berlin, Utc(3, 20, 12));
        var second = WeeklyOccurrence.Next(DayOfWeek.Monday, 9, Berlin, first);

        Assert.Equal(Utc(3, 23, 8), first);
        Assert.Equal(Utc(3, 30, 7), second);
        Assert.Equal(TimeSpan.FromHours(167), second - first);
    }

    [Fact]
    public void Next_HourSkippedBySpringForward_RunsWhenTheGapEnds()
    {
        // 2026-03-08 02:00 does not exist in New York (02:00 EST -> 03:00 EDT): run at 03:00 EDT = 07:00 UTC.
        var next = WeeklyOccurrence.Next(DayOfWeek.Sunday, 2, NewYork, Utc(3, 7, 12));

        Assert.Equal(Utc(3, 8, 7), next);
    }

    [Fact]
    public void Next_HourRepeatedByFallBack_RunsOnceAtTheFirstOne()
    {
        // 2026-11-01 01:00 happens twice in New York: 05:00 UTC (EDT) and 06:00 UTC (EST).
        var first = WeeklyOccurrence.Next(DayOfWeek.Sunday, 1, NewYork, Utc(10, 31, 12));
        var afterFirst = WeeklyOccurrence.Next(DayOfWeek.Sunday, 1, NewYork, first);

        Assert.Equal(Utc(11, 1, 5), first);
        Assert.Equal(Utc(11, 8, 6), afterFirst);
    }

    [Fact]
    public void Next_HalfHourZone_IsOnTheHalfHourInUtc()
    {
        var kolkata = IanaTimeZones.Find("Asia/Kolkata")!;

        Assert.Equal(Utc(11, 30, 3, 30), WeeklyOccurrence.Next(DayOfWeek.Monday, 9, kolkata, Utc(11, 25, 10)));
    }

    [Fact]
    public void Next_ExactlyAtAnOccurrence_IsTheFollowingWeek()
    {
        Assert.Equal(Utc(12, 7, 9), WeeklyOccurrence.Next(DayOfWeek.Monday, 9, TimeZoneInfo.Utc, Utc(11, 30, 9)));
        Assert.Equal(Utc(11, 30, 9), WeeklyOccurrence.Next(DayOfWeek.Monday, 9, TimeZoneInfo.Utc, Utc(11, 30, 8, 59)));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void FindZone_NotAnIanaZone_IsNull(string id)
    {
        Assert.Null(IanaTimeZones.Find(id));
    }
}
