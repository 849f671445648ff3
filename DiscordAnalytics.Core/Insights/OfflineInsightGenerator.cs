using System.Globalization;
using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// The default generator: fixed rules over the summary alone, no network, same output for the same summary.
/// It writes only numbers the summary holds (or <see cref="TotalsChange.Percent"/>), and checks that itself.
/// Rules: the two biggest movers of messages, reactions, active members and joins; a quiet channel: the top channel
/// that lost the largest share of its own messages against the previous window (at least half of at least
/// <see cref="MinQuietPrevious"/>), never one compared with the busiest; the top member; the first rising member other than the
/// top member whose rise is at least <see cref="MinRise"/> messages; unanswered help threads or the
/// median first response; common keywords; the busiest day; voice minutes with their change and the busiest voice channel, when there was
/// voice; the busiest hour of the day (in the guild's time zone,
/// <c>window.timeZone</c>) when the summary has <c>hourly</c>; how many new members whose first week is over posted
/// in it, when the summary has <c>activation</c>. Drafts: a recap announcement, a weekly challenge, office hours when there is support demand
/// (in the office-hours draft's slot, the busiest weekday + hour of question activity, when the summary has
/// <c>officeHours</c> with one; otherwise on the busiest day, at the busiest hour within waking hours,
/// <see cref="WakingHoursStart"/> to <see cref="WakingHoursEnd"/> in the guild's time zone, when known).
/// </summary>
public sealed class OfflineInsightGenerator : IInsightGenerator
{
    public const string Name = "offline";

    /// <summary>A smaller rise than this is everyday noise, not a member to notice.</summary>
    public const int MinRise = 5;

    /// <summary>A channel with fewer messages than this in the previous window is too small to call quiet.</summary>
    public const int MinQuietPrevious = 20;

    /// <summary>The first local hour an office hour may start at: people are awake, whatever the heat map's peak.</summary>
    public const int WakingHoursStart = 9;

    /// <summary>An office hour must be over by this local hour (so it starts at 20:00 at the latest).</summary>
    public const int WakingHoursEnd = 21;

    private static readonly string[] MoverMetrics = ["messages", "reactions", "active members", "joins"];

    public Task<InsightReport> GenerateAsync(AnalyticsSummary summary, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var quiet = QuietChannel(summary);
        var busiest = BusiestDay(summary);
        var hour = BusiestHour(summary);
        var officeHour = BusiestWakingHour(summary);

        List<Insight> insights = [.. Movers(summary)];
        if (quiet is not null)
        {
            insights.Add(new Insight(
                InsightKind.QuietChannel,
                $"Quiet channel: #{quiet.Name}",
                $"#{quiet.Name} had {N(quiet.MessageCount)} messages this window, down from {N(quiet.PreviousMessageCount)} in the previous one. A question or a prompt there could revive it."));
        }

        if (summary.TopMembers.FirstOrDefault() is { MessagesSent: > 0 } top)
        {
            insights.Add(new Insight(
                InsightKind.TopMember,
                $"Top contributor: {top.Name}",
                $"{top.Name} led the conversation with {N(top.MessagesSent)} messages and {N(top.ReactionsAdded)} reactions."));
        }

        // The top contributor already has an insight of their own: name someone else who is on the way up.
        var topId = summary.TopMembers.FirstOrDefault()?.DiscordUserId;
        if (summary.RisingMembers?.FirstOrDefault(m => m.DiscordUserId != topId && m.MessagesSent - m.PreviousMessagesSent >= MinRise) is { } rising)
        {
            var before = rising.PreviousMessagesSent == 0 ? "none in the previous window" : $"up from {N(rising.PreviousMessagesSent)} in the previous window";
            insights.Add(new Insight(
                InsightKind.RisingMember,
                $"Rising member: {rising.Name}",
                $"{rising.Name} sent {N(rising.MessagesSent)} messages, {before}. A thank-you or a role could keep them going."));
        }

        if (VoiceTime(summary) is { } voice)
        {
            insights.Add(voice);
        }

        if (summary.Activation?.WithinSevenDays is { Eligible: > 0 } week)
        {
            // Counts, not the rate: a percentage is grounded only as a change between totals.
            var advice = week.Posted * 2 < week.Eligible
                ? "Most stayed silent: a welcome thread or a first-post prompt could help the rest find their feet."
                : "Most found their voice: keep the welcome that worked.";
            insights.Add(new Insight(
                InsightKind.NewMembers,
                "New members: first week",
                $"{N(week.Posted)} of {N(week.Eligible)} new members posted in their first week. {advice}"));
        }

        insights.AddRange(Support(summary));
        if (busiest is not null)
        {
            insights.Add(new Insight(
                InsightKind.BestDay,
                $"Busiest day: {Weekday(busiest)}",
                $"{Date(busiest)} ({Weekday(busiest)}) was the busiest day with {N(busiest.Messages)} messages. Post announcements on {Weekday(busiest)}s for the widest reach."));
        }

        if (hour is not null)
        {
            insights.Add(new Insight(
                InsightKind.BestHour,
                $"Best posting hour: {Hour(hour.Hour)} {summary.Window.TimeZone}",
                $"{N(hour.Messages)} messages were sent between {Hour(hour.Hour)} and {Hour((hour.Hour + 1) % 24)} {summary.Window.TimeZone} over the window, more than in any other hour of the day. Post shortly before then to be seen."));
        }

        var actions = Actions(summary, quiet, busiest, officeHour);
        var report = new InsightReport(Name, insights, actions, new Grounding([]));
        return Task.FromResult(report with { Grounding = GroundingCheck.Check(summary, report.Texts) });
    }

    private static IEnumerable<Insight> Movers(AnalyticsSummary summary)
    {
        var changes = TotalsChange.FromSummary(summary).Where(c => MoverMetrics.Contains(c.Metric)).ToList();
        var movers = changes
            .Where(c => c.Percent > 0)
            .OrderByDescending(c => c.Percent)
            .ThenBy(c => Array.IndexOf(MoverMetrics, c.Metric))
            .Take(2)
            .Select(c =>
            {
                var direction = c.Current > c.Previous ? "up" : "down";
                return new Insight(
                    InsightKind.Mover,
                    $"{Capitalized(c.Metric)} {direction} {N(c.Percent!.Value)}%",
                    $"{Capitalized(c.Metric)} went from {N(c.Previous)} to {N(c.Current)} compared with the previous window ({direction} {N(c.Percent!.Value)}%).");
            })
            .ToList();
        if (movers.Count == 0 && changes.FirstOrDefault(c => c.HasEarlierData && c.Previous == 0 && c.Current > 0) is { } fresh)
        {
            movers.Add(new Insight(
                InsightKind.Mover,
                $"New {fresh.Metric}",
                $"{N(fresh.Current)} {fresh.Metric} this window, none in the previous one."));
        }

        return movers;
    }

    /// <summary>
    /// Voice minutes against the previous window and the busiest voice channel; nothing when nobody talked. The change is
    /// a <see cref="TotalsChange.Percent"/> of <c>voice minutes</c>, so it stays grounded.
    /// </summary>
    private static Insight? VoiceTime(AnalyticsSummary summary)
    {
        var change = TotalsChange.FromSummary(summary).Single(c => c.Metric == "voice minutes");
        if (change.Current <= 0)
        {
            return null;
        }

        var trend = change switch
        {
            { HasEarlierData: false } => string.Empty,
            { Previous: 0 } => ", none in the previous one",
            { Percent: 0 } => $", about the same as the previous window's {N(change.Previous)}",
            { Percent: { } percent } => $", {(change.Current > change.Previous ? "up" : "down")} {N(percent)}% from {N(change.Previous)}",
            _ => string.Empty,
        };
        var top = summary.TopVoiceChannels?.FirstOrDefault(c => c.Minutes > 0);
        var where = top is null ? string.Empty : $" {top.Name} was the busiest voice channel with {N(top.Minutes)} minutes.";
        return new Insight(
            InsightKind.Voice,
            top is null ? "Time in voice" : $"Voice: {top.Name} leads",
            $"Members spent {N(change.Current)} minutes in voice this window{trend}.{where}");
    }

    /// <summary>
    /// Compared with its own past, not with the busiest channel: a help forum with a tenth of a chat channel's
    /// messages is not quiet. No earlier data, no quiet channel.
    /// </summary>
    private static ChannelStat? QuietChannel(AnalyticsSummary summary) =>
        summary.PreviousWindow?.HasEarlierData == false
            ? null
            : summary.TopChannels
                .Where(c => c.PreviousMessageCount >= MinQuietPrevious && c.MessageCount * 2 <= c.PreviousMessageCount)
                .OrderBy(c => (double)c.MessageCount / c.PreviousMessageCount)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .FirstOrDefault();

    private static IEnumerable<Insight> Support(AnalyticsSummary summary)
    {
        var support = summary.SupportSignals;
        var median = support.MedianFirstResponseMinutes is { } m ? $" The median first response took {Minutes(m)} minutes." : string.Empty;
        if (support.UnansweredThreads > 0)
        {
            // A spike: at least a quarter of the window's new threads waited a day without a reply.
            var spike = support.UnansweredThreads * 4 >= summary.Totals.ThreadsCreated;
            yield return new Insight(
                InsightKind.Support,
                spike ? "Unanswered help threads are piling up" : "Some help threads went unanswered",
                $"{N(support.UnansweredThreads)} help threads got no reply from another member within a day.{median}");
        }
        else if (support.MedianFirstResponseMinutes is not null)
        {
            yield return new Insight(InsightKind.Support, "Help threads get answered", $"Every finished help thread got a reply within a day.{median}");
        }

        if (support.Escalations.Count > 0)
        {
            yield return new Insight(
                InsightKind.Support,
                "Askers are escalating",
                $"{N(support.Escalations.Count)} help threads and questions were escalated by their askers: they pinged a moderator role, or asked again with no answer.");
        }

        if (support.CommonKeywords.Count > 0)
        {
            var terms = string.Join(", ", support.CommonKeywords.Take(3).Select(k => $"{k.Keyword} ({N(k.Count)})"));
            yield return new Insight(InsightKind.Topics, "What people talk about", $"Most mentioned terms: {terms}.");
        }
    }

    private static List<ActionDraft> Actions(AnalyticsSummary summary, ChannelStat? quiet, DailyActivity? busiest, HourlyActivity? hour)
    {
        var actions = new List<ActionDraft>();
        var topChannel = summary.TopChannels.FirstOrDefault(c => c.MessageCount > 0);
        var topMember = summary.TopMembers.FirstOrDefault(m => m.MessagesSent > 0);
        var keyword = summary.SupportSignals.CommonKeywords.FirstOrDefault()?.Keyword;
        if (summary.Totals.Messages > 0)
        {
            var text = $"This window {summary.GuildName} shared {N(summary.Totals.Messages)} messages and {N(summary.Totals.Reactions)} reactions.";
            text += topChannel is null ? string.Empty : $" The busiest channel was #{topChannel.Name} with {N(topChannel.MessageCount)} messages.";
            text += topMember is null ? string.Empty : $" Thank you, {topMember.Name}, for {N(topMember.MessagesSent)} messages!";
            actions.Add(new ActionDraft(ActionDraftKind.Announcement, "Weekly recap", text));
        }

        var challengeChannel = quiet ?? topChannel;
        if (challengeChannel is not null)
        {
            var topic = keyword is null ? "something you learned this week" : $"your best tip about {keyword}";
            actions.Add(new ActionDraft(
                ActionDraftKind.WeeklyChallenge,
                $"Weekly challenge in #{challengeChannel.Name}",
                $"This week's challenge: share {topic} in #{challengeChannel.Name}. The most-reacted post gets a shout-out in the next recap."));
        }

        var support = summary.SupportSignals;
        if (support.UnansweredThreads > 0 || support.MedianFirstResponseMinutes is not null)
        {
            var day = OfficeHoursSlot(summary) ?? MessagePeak(summary, busiest, hour);
            var open = support.UnansweredThreads > 0 ? $" and go through the {N(support.UnansweredThreads)} help threads that waited a day for an answer" : string.Empty;
            var about = keyword is null ? string.Empty : $" Start with questions about {keyword}.";
            actions.Add(new ActionDraft(
                ActionDraftKind.OfficeHours,
                "Host office hours",
                $"Host a live office hour on {day}{open}.{about}"));
        }

        return actions;
    }

    /// <summary>
    /// The office-hours draft's slot (the busiest weekday + hour of question activity), so the action and the draft it
    /// links to name the same hour; null when the summary has no draft or there was no question activity.
    /// </summary>
    private static string? OfficeHoursSlot(AnalyticsSummary summary) =>
        summary.OfficeHours is { Weekday: { } weekday, Hour: { } hour } draft
            ? $"{weekday}s at {Hour(hour)} {draft.TimeZone} in #{draft.HelpChannel} (when most questions come in)"
            : null;

    /// <summary>Without question activity: the busiest day of messages, at the busiest hour while people are awake.</summary>
    private static string MessagePeak(AnalyticsSummary summary, DailyActivity? busiest, HourlyActivity? hour)
    {
        var day = busiest is null ? "the busiest day of the week" : $"{Weekday(busiest)} (the busiest day)";
        return day + (hour is null ? string.Empty : $" at {Hour(hour.Hour)} {summary.Window.TimeZone} (the busiest hour while people are awake)");
    }

    private static DailyActivity? BusiestDay(AnalyticsSummary summary) =>
        summary.Daily.Where(d => d.Messages > 0).OrderByDescending(d => d.Messages).ThenBy(d => d.Date).FirstOrDefault();

    private static HourlyActivity? BusiestHour(AnalyticsSummary summary) =>
        summary.Hourly?.Where(h => h.Messages > 0).OrderByDescending(h => h.Messages).ThenBy(h => h.Hour).FirstOrDefault();

    /// <summary>The busiest local hour an office hour can start at: never in the night, whenever the community peaks.</summary>
    private static HourlyActivity? BusiestWakingHour(AnalyticsSummary summary) =>
        summary.Hourly?.Where(h => h.Hour >= WakingHoursStart && h.Hour < WakingHoursEnd && h.Messages > 0)
            .OrderByDescending(h => h.Messages).ThenBy(h => h.Hour).FirstOrDefault();

    /// <summary>"07:00": both numbers are hours the summary lists (every hour 0-23 is in <c>hourly</c>).</summary>
    private static string Hour(int hour) => $"{hour.ToString("00", CultureInfo.InvariantCulture)}:00";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Minutes(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Date(DailyActivity day) => day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Weekday(DailyActivity day) => day.Date.DayOfWeek.ToString();

    private static string Capitalized(string metric) => char.ToUpperInvariant(metric[0]) + metric[1..];
}
