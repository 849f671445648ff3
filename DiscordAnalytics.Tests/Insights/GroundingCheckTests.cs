using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Tests.Insights;

public sealed class GroundingCheckTests
{
    [Fact]
    public void Extract_MixedFormats_ReadsEachNumberOnce()
    {
        var tokens = GroundingCheck.Extract("1,234 messages, 17.5 min, down 25 %, on 2026-11-16, and 42.");

        Assert.Equal(["1,234", "17.5", "25 %", "2026-11-16", "42"], tokens.Select(t => t.Text));
        Assert.Equal([1234m, 17.5m, 25m, 0m, 42m], tokens.Select(t => t.Value));
        Assert.Equal([false, false, true, false, false], tokens.Select(t => t.IsPercent));
        Assert.Equal([false, false, false, true, false], tokens.Select(t => t.IsDate));
    }

    [Fact]
    public void Check_InventedNumberAndPercent_AreViolations()
    {
        var grounding = GroundingCheck.Check(InsightSummaries.Busy(), ["Messages grew to 1,500 (up 37%) and alice posted 120 times."]);

        Assert.False(grounding.IsGrounded);
        Assert.Equal(["1,500", "37%"], grounding.Violations);
    }

    [Fact]
    public void Check_SummaryNumbersAndDerivedChanges_AreGrounded()
    {
        var grounding = GroundingCheck.Check(
            InsightSummaries.Busy(),
            ["Messages up 23% to 1,234, reactions down 25%, joins up 200%.", "Median reply 17.5 minutes; 2026-11-16 had 300 messages."]);

        Assert.True(grounding.IsGrounded, string.Join(", ", grounding.Violations));
    }

    [Fact]
    public void Check_PercentThatIsOnlyAPlainSummaryNumber_IsAViolation()
    {
        // 22 is a daily count (active members on 2026-11-16), but no total changed by 22%.
        var grounding = GroundingCheck.Check(InsightSummaries.Busy(), ["Reactors fell 22% while 22 members were active."]);

        Assert.Equal(["22%"], grounding.Violations);
    }

    [Fact]
    public void Check_DateNotInTheSummaryOrPartOfADate_AreViolations()
    {
        var grounding = GroundingCheck.Check(InsightSummaries.Busy(), ["On 2026-11-21 there were 19 threads."]);

        // 19 only occurs as the day of 2026-11-19, and dates stay whole.
        Assert.Equal(["2026-11-21", "19"], grounding.Violations);
    }

    [Fact]
    public void Check_NumberQuotedFromAnExcerpt_IsGrounded()
    {
        var grounding = GroundingCheck.Check(InsightSummaries.Busy(), ["One member lost 500 credits."]);

        Assert.True(grounding.IsGrounded);
    }
}
