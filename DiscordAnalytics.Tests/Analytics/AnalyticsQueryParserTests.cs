using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Tests.Analytics;

public sealed class AnalyticsQueryParserTests
{
    // 2026-11-20 is "today" in every case below.
    private static readonly int Today = DayBucket.FromDate(new DateOnly(2026, 11, 20));

    [Theory]
    [InlineData("7d", "2026-11-14", "2026-11-20", "2026-11-07", "2026-11-13")]
    [InlineData("30d", "2026-10-22", "2026-11-20", "2026-09-22", "2026-10-21")]
    [InlineData("90d", "2026-08-23", "2026-11-20", "2026-05-25", "2026-08-22")]
    public void TryParse_LastNDays_EndsWithTodayAndPreviousWindowIsJustBefore(string window, string first, string last, string previousFirst, string previousLast)
    {
        Assert.True(Parse(window, null, null, null, out var query, out _));

        Assert.Equal(DateOnly.Parse(first), query.Window.FirstDate);
        Assert.Equal(DateOnly.Parse(last), query.Window.LastDate);
        Assert.Equal(DateOnly.Parse(previousFirst), query.Window.Previous.FirstDate);
        Assert.Equal(DateOnly.Parse(previousLast), query.Window.Previous.LastDate);
    }

    [Fact]
    public void TryParse_NoParameters_IsLast7DaysTop10()
    {
        Assert.True(Parse(null, null, null, null, out var query, out _));

        Assert.Equal(WindowKind.Last7Days, query.Window.Kind);
        Assert.Equal("last_7_days", query.Window.KindName);
        Assert.Equal(7, query.Window.Length);
        Assert.Equal(10, query.Top);
    }

    [Fact]
    public void TryParse_CustomRange_IsInclusiveWithEndExclusiveInMilliseconds()
    {
        Assert.True(Parse("custom", "2026-11-01", "2026-11-03", "5", out var query, out _));

        Assert.Equal(3, query.Window.Length);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), query.Window.StartAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), query.Window.EndAt);
        Assert.Equal(new DateOnly(2026, 10, 29), query.Window.Previous.FirstDate);
        Assert.Equal(new DateOnly(2026, 10, 31), query.Window.Previous.LastDate);
        Assert.Equal(5, query.Top);
    }

    [Fact]
    public void TryParse_SingleDayCustomRange_IsOneDay()
    {
        Assert.True(Parse("custom", "2026-11-20", "2026-11-20", null, out var query, out _));

        Assert.Equal(1, query.Window.Length);
        Assert.Equal(Today, query.Window.StartDay);
    }

    [Fact]
    public void TryParse_StartAndEndWithoutWindow_MeansCustom()
    {
        Assert.True(Parse(null, "2026-11-01", "2026-11-02", null, out var query, out _));

        Assert.Equal(WindowKind.Custom, query.Window.Kind);
    }

    [Theory]
    [InlineData("14d", null, null, null, "window")]
    [InlineData("", null, null, null, "window")]
    [InlineData("custom", null, "2026-11-02", null, "start")]
    [InlineData("custom", "2026-11-01", null, null, "end")]
    [InlineData("custom", "2026/11/01", "2026-11-02", null, "start")]
    [InlineData("custom", "2026-11-01", "yesterday", null, "end")]
    [InlineData("custom", "2026-11-05", "2026-11-01", null, "end")]
    [InlineData("custom", "2026-11-01", "2026-11-21", null, "end")]
    [InlineData("custom", "2025-01-01", "2026-11-20", null, "start")]
    [InlineData("custom", "2014-12-31", "2015-01-02", null, "start")]
    [InlineData("7d", "2026-11-01", null, null, "start")]
    [InlineData("30d", null, "2026-11-01", null, "end")]
    [InlineData("7d", null, null, "0", "top")]
    [InlineData("7d", null, null, "101", "top")]
    [InlineData("7d", null, null, "ten", "top")]
    [InlineData("7d", null, null, "-3", "top")]
    public void TryParse_BadParameter_NamesIt(string? window, string? start, string? end, string? top, string parameter)
    {
        Assert.False(Parse(window, start, end, top, out _, out var error));

        Assert.Equal(parameter, error!.Parameter);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    private static bool Parse(string? window, string? start, string? end, string? top, out AnalyticsQuery query, out QueryParameterError? error) =>
        AnalyticsQueryParser.TryParse(1, window, start, end, top, Today, includeBots: false, out query, out error);
}
