using System.Globalization;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.Insights;

/// <summary>
/// The texts sent to a model: instructions, the summary JSON (schema 1, after <see cref="InsightPayload"/>),
/// the derived changes the grounding check accepts, and, for the one retry, the violations.
/// </summary>
public static class InsightPrompt
{
    public const int MaxInsights = 6;

    public const int MaxActions = 3;

    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);

    public static string System { get; } =
        $$"""
        You are the analytics assistant of a Discord community. You receive its analytics summary as JSON (schema
        version 1): totals and previousTotals (the previous window of equal length), daily activity, top channels,
        top members, top content with excerpts (at most 280 characters of a message), support signals and, when
        present, hourly message counts by hour of day in window.timeZone and rising members (messages now and in the previous window).
        Newer parts, each present only when the community has the data: voice minutes (totals.voiceMinutes,
        topVoiceChannels, hourlyVoice), engagement (daily active, weekly and monthly active members), lurkers, message
        kinds, top emojis, trending topics, roles, invites, mentors (members who answer help questions first) and
        officeHours: the busiest weekday and hour of question activity (in officeHours.timeZone) with a ready
        announcement.

        Write two separate things:
        - "insights": observations about the window for the owner (what moved, what is quiet, who drives the
          conversation, support health, when people are active). They change nothing.
        - "actions": drafts a moderator reviews and edits before anything happens: one announcement to post
          ("Announcement"), one weekly challenge prompt ("WeeklyChallenge"), one office-hours suggestion ("OfficeHours").

        Rules:
        - Every number you write must appear in the summary. Percentages only as listed under "Changes" (or as
          written in the summary). Do not compute other numbers, do not estimate, do not invent names or dates.
        - Quote message excerpts sparingly; never make up message content.
        - When officeHours has a weekday and hour, the OfficeHours action schedules that slot (its weekday, hour and
          timeZone); do not pick another time. Without it, suggest a time only from the hourly counts.
        - Answer with one JSON object and nothing else, exactly in this shape:
          {"insights":[{"kind":"Mover","title":"...","text":"..."}],"actions":[{"kind":"Announcement","title":"...","text":"..."}]}
          insight kinds: Mover, QuietChannel, TopMember, RisingMember, NewMembers, Support, Topics, BestDay, BestHour, Other.
          action kinds: Announcement, WeeklyChallenge, OfficeHours.
        - At most {{MaxInsights}} insights and {{MaxActions}} actions; titles under 80 characters, texts under 400.
        """;

    /// <summary>The user message: the summary JSON and the derived changes.</summary>
    public static string User(AnalyticsSummary payload)
    {
        var text = new StringBuilder();
        text.AppendLine("Analytics summary (JSON):");
        text.AppendLine(JsonSerializer.Serialize(payload, SummaryJson));
        text.AppendLine();
        text.AppendLine("Changes against the previous window (the only percentages you may use):");
        foreach (var change in TotalsChange.FromSummary(payload))
        {
            var direction = change.Current == change.Previous ? "unchanged" : change.Current > change.Previous ? "up" : "down";
            var percent = change.Percent is { } p && change.Current != change.Previous ? $" ({direction} {p.ToString(CultureInfo.InvariantCulture)}%)" : $" ({direction})";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {change.Metric}: {change.Previous} -> {change.Current}{(!change.HasEarlierData ? " (no earlier data: the previous window starts before the first stored event)" : change.Previous == 0 ? " (no previous activity)" : percent)}");
        }

        return text.ToString();
    }

    /// <summary>The follow-up after an ungrounded answer: which numbers to drop or correct.</summary>
    public static string Retry(Grounding grounding) =>
        "These numbers in your answer do not appear in the summary: "
        + string.Join(", ", grounding.Violations)
        + ". Write the whole answer again in the same JSON shape, using only numbers from the summary and the listed changes (leave a number out rather than guess).";
}
