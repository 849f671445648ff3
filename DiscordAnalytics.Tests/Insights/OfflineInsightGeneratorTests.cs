using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Insights;

namespace DiscordAnalytics.Tests.Insights;

public sealed class OfflineInsightGeneratorTests
{
    private readonly OfflineInsightGenerator _generator = new();

    [Fact]
    public async Task Generate_SameSummaryTwice_SameReport()
    {
        var first = await _generator.GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);
        var second = await _generator.GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
    }

    [Fact]
    public async Task Generate_BusySummary_WritesTheExpectedInsightsAndDrafts()
    {
        var report = await _generator.GenerateAsync(InsightSummaries.Busy(), CancellationToken.None);

        Assert.Equal("offline", report.Generator);
        Assert.Equal(
        [
            (InsightKind.Mover, "Joins up 200%", "Joins went from 2 to 6 compared with the previous window (up 200%)."),
            (InsightKind.Mover, "Reactions down 25%", "Reactions went from 400 to 300 compared with the previous window (down 25%)."),
            (InsightKind.QuietChannel, "Quiet channel: #random", "#random had 34 messages this window, down from 120 in the previous one. A question or a prompt there could revive it."),
            (InsightKind.TopMember, "Top contributor: alice", "alice led the conversation with 120 messages and 45 reactions."),
            (InsightKind.Support, "Unanswered help threads are piling up", "3 help threads got no reply from another member within a day. The median first response took 17.5 minutes."),
            (InsightKind.Topics, "What people talk about", "Most mentioned terms: refund (12), login (7), portal (4)."),
            (InsightKind.BestDay, "Busiest day: Monday", "2026-11-16 (Monday) was the busiest day with 300 messages. Post announcements on Mondays for the widest reach."),
        ],
            report.Insights.Select(i => (i.Kind, i.Title, i.Text)));
        Assert.Equal(
        [
            (ActionDraftKind.Announcement, "Weekly recap", "This window Trading Room shared 1,234 messages and 300 reactions. The busiest channel was #general with 900 messages. Thank you, alice, for 120 messages!"),
            (ActionDraftKind.WeeklyChallenge, "Weekly challenge in #random", "This week's challenge: share your best tip about refund in #random. The most-reacted post gets a shout-out in the next recap."),
            (ActionDraftKind.OfficeHours, "Host office hours", "Host a live office hour on Monday (the busiest day) and go through the 3 help threads that waited a day for an answer. Start with questions about refund."),
        ],
            report.Actions.Select(a => (a.Kind, a.Title, a.Text)));
    }

    [Fact]
    public async Task Generate_BusySummary_PassesItsOwnGroundingCheck()
    {
        var summary = InsightSummaries.Busy();

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
        Assert.True(GroundingCheck.Check(summary, report.Texts).IsGrounded);
    }

    [Fact]
    public async Task Generate_Escalations_SaysHowManyAndIsGrounded()
    {
        var busy = InsightSummaries.Busy();
        var summary = busy with { SupportSignals = busy.SupportSignals with { Escalations = new SupportEscalations(4, []) } };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        var escalations = Assert.Single(report.Insights, i => i.Title == "Askers are escalating");
        Assert.Equal("4 help threads and questions were escalated by their askers: they pinged a moderator role, or asked again with no answer.", escalations.Text);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_EmptyWindow_NoInsightsNoDraftsAndGrounded()
    {
        var busy = InsightSummaries.Busy();
        var empty = busy with
        {
            Totals = Totals.Zero,
            PreviousTotals = Totals.Zero,
            Daily = [.. busy.Daily.Select(d => d with { Messages = 0, Reactions = 0, ActiveMembers = 0 })],
            TopChannels = [],
            TopMembers = [],
            TopContent = [],
            SupportSignals = SupportSignals.Empty,
        };

        var report = await _generator.GenerateAsync(empty, CancellationToken.None);

        Assert.Empty(report.Insights);
        Assert.Empty(report.Actions);
        Assert.True(report.Grounding.IsGrounded);
    }

    [Fact]
    public async Task Generate_NoPreviousActivity_ReportsWhatIsNew()
    {
        var summary = InsightSummaries.Busy() with { PreviousTotals = Totals.Zero };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        var mover = Assert.Single(report.Insights, i => i.Kind == InsightKind.Mover);
        Assert.Equal("1,234 messages this window, none in the previous one.", mover.Text);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_SummaryWithHourly_NamesTheBusiestHourAndSchedulesOfficeHoursThen()
    {
        var hourly = Enumerable.Range(0, 24).Select(h => new HourlyActivity(h, h switch { 18 => 210, 9 => 210, 23 => 5, _ => 20 })).ToList();
        var summary = InsightSummaries.Busy() with { Hourly = hourly };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        var best = Assert.Single(report.Insights, i => i.Kind == InsightKind.BestHour);
        Assert.Equal("Best posting hour: 09:00 UTC", best.Title);
        Assert.Equal("210 messages were sent between 09:00 and 10:00 UTC over the window, more than in any other hour of the day. Post shortly before then to be seen.", best.Text);
        Assert.Equal(InsightKind.BestHour, report.Insights[^1].Kind);
        Assert.StartsWith("Host a live office hour on Monday (the busiest day) at 09:00 UTC (the busiest hour while people are awake) and", report.Actions.Single(a => a.Kind == ActionDraftKind.OfficeHours).Text, StringComparison.Ordinal);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_BusiestHourIsTheLast_WrapsToMidnightAndIsGrounded()
    {
        var hourly = Enumerable.Range(0, 24).Select(h => new HourlyActivity(h, h == 23 ? 50 : 1)).ToList();

        var report = await _generator.GenerateAsync(InsightSummaries.Busy() with { Hourly = hourly }, CancellationToken.None);

        Assert.Contains("between 23:00 and 00:00 UTC", report.Insights.Single(i => i.Kind == InsightKind.BestHour).Text, StringComparison.Ordinal);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_GuildInAnotherTimeZone_NamesTheHourInThatZone()
    {
        var hourly = Enumerable.Range(0, 24).Select(h => new HourlyActivity(h, h == 20 ? 50 : 1)).ToList();
        var busy = InsightSummaries.Busy();
        var summary = busy with { Hourly = hourly, Window = busy.Window with { TimeZone = "Asia/Kathmandu" } };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.Equal("Best posting hour: 20:00 Asia/Kathmandu", report.Insights.Single(i => i.Kind == InsightKind.BestHour).Title);
        Assert.Contains("at 20:00 Asia/Kathmandu (the busiest hour while people are awake)", report.Actions.Single(a => a.Kind == ActionDraftKind.OfficeHours).Text, StringComparison.Ordinal);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_CommunityPeaksAtMidnight_OfficeHoursAtTheBusiestWakingHourInstead()
    {
        // Asia/Kolkata's busiest hour is 00:00 (a UTC-evening community); the busiest hour people are awake is 20:00.
        var hourly = Enumerable.Range(0, 24).Select(h => new HourlyActivity(h, h switch { 0 => 300, 23 => 280, 20 => 150, 7 => 200, _ => 10 })).ToList();
        var busy = InsightSummaries.Busy();
        var summary = busy with { Hourly = hourly, Window = busy.Window with { TimeZone = "Asia/Kolkata" } };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.Equal("Best posting hour: 00:00 Asia/Kolkata", report.Insights.Single(i => i.Kind == InsightKind.BestHour).Title);
        var officeHours = report.Actions.Single(a => a.Kind == ActionDraftKind.OfficeHours).Text;
        Assert.Contains("at 20:00 Asia/Kolkata (the busiest hour while people are awake)", officeHours, StringComparison.Ordinal);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_SmallChannelThatKeptItsPace_IsNotCalledQuiet()
    {
        // #random has a fraction of #general's messages, as a help forum may, but more than in its own previous window.
        var busy = InsightSummaries.Busy();
        var summary = busy with
        {
            TopChannels = [busy.TopChannels[0], busy.TopChannels[1], busy.TopChannels[2] with { PreviousMessageCount = 30 }],
        };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.DoesNotContain(report.Insights, i => i.Kind == InsightKind.QuietChannel);
        Assert.Equal("Weekly challenge in #general", report.Actions.Single(a => a.Kind == ActionDraftKind.WeeklyChallenge).Title);
    }

    [Fact]
    public async Task Generate_NoEarlierData_NoQuietChannel()
    {
        var busy = InsightSummaries.Busy();
        var summary = busy with { PreviousWindow = new PreviousWindow(busy.Window.StartAt - 7 * 86_400_000L, busy.Window.StartAt, HasEarlierData: false) };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.DoesNotContain(report.Insights, i => i.Kind == InsightKind.QuietChannel);
    }

    [Fact]
    public async Task Generate_HourlyWithoutMessages_NoBestHour()
    {
        var hourly = Enumerable.Range(0, 24).Select(h => new HourlyActivity(h, 0)).ToList();

        var report = await _generator.GenerateAsync(InsightSummaries.Busy() with { Hourly = hourly }, CancellationToken.None);

        Assert.DoesNotContain(report.Insights, i => i.Kind == InsightKind.BestHour);
    }

    [Fact]
    public async Task Generate_RisingMembers_NamesTheFirstWithARiseOfAtLeastFive()
    {
        var summary = InsightSummaries.Busy() with
        {
            RisingMembers = [new("900000000000000101", "bob", 90, 12), new("900000000000000102", "carol", 7, 4)],
        };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        var rising = Assert.Single(report.Insights, i => i.Kind == InsightKind.RisingMember);
        Assert.Equal("Rising member: bob", rising.Title);
        Assert.Equal("bob sent 90 messages, up from 12 in the previous window. A thank-you or a role could keep them going.", rising.Text);
        Assert.Equal(InsightKind.TopMember, report.Insights[report.Insights.ToList().IndexOf(rising) - 1].Kind);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_RisingMemberNewThisWindow_SaysNoneBefore()
    {
        var summary = InsightSummaries.Busy() with { RisingMembers = [new("900000000000000103", "dana", 9, 0)] };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.Equal("dana sent 9 messages, none in the previous window. A thank-you or a role could keep them going.", report.Insights.Single(i => i.Kind == InsightKind.RisingMember).Text);
    }

    [Fact]
    public async Task Generate_RiseUnderFive_NoRisingMember()
    {
        var summary = InsightSummaries.Busy() with { RisingMembers = [new("900000000000000103", "dana", 6, 2)] };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.DoesNotContain(report.Insights, i => i.Kind == InsightKind.RisingMember);
    }

    [Fact]
    public async Task Generate_TopContributorIsAlsoRising_NamesTheNextRisingMember()
    {
        var summary = InsightSummaries.Busy() with
        {
            RisingMembers = [new("900000000000000100", "alice", 120, 20), new("900000000000000101", "bob", 90, 12)],
        };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.Equal("Rising member: bob", report.Insights.Single(i => i.Kind == InsightKind.RisingMember).Title);
    }

    [Fact]
    public async Task Generate_Activation_SaysHowManyNewMembersPostedInTheirFirstWeek()
    {
        var summary = InsightSummaries.Busy() with
        {
            Activation = new(31, ActivationRate.FromCounts(eligible: 31, posted: 5, pending: 0), ActivationRate.FromCounts(eligible: 30, posted: 12, pending: 1)),
        };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        var insight = Assert.Single(report.Insights, i => i.Kind == InsightKind.NewMembers);
        Assert.Equal(
            "12 of 30 new members posted in their first week. Most stayed silent: a welcome thread or a first-post prompt could help the rest find their feet.",
            insight.Text);
        Assert.True(report.Grounding.IsGrounded, string.Join(", ", report.Grounding.Violations));
    }

    [Fact]
    public async Task Generate_NoNewMemberWithAFinishedWeek_NoNewMembersInsight()
    {
        var summary = InsightSummaries.Busy() with
        {
            Activation = new(2, ActivationRate.FromCounts(eligible: 2, posted: 1, pending: 0), ActivationRate.FromCounts(eligible: 0, posted: 0, pending: 2)),
        };

        var report = await _generator.GenerateAsync(summary, CancellationToken.None);

        Assert.DoesNotContain(report.Insights, i => i.Kind == InsightKind.NewMembers);
    }
}
