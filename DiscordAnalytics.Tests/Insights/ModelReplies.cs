using System.Text.Json;

namespace DiscordAnalytics.Tests.Insights;

/// <summary>Model answers (the assistant message content) for <see cref="InsightSummaries.Busy"/>.</summary>
public static class ModelReplies
{
    /// <summary>Every number is in the Busy summary (1,234 messages, joins 2 -> 6 up 200%, #random 34, 3 threads).</summary>
    public static string Grounded() => Json(
        [
            ("Mover", "Joins up 200%", "Joins went from 2 to 6 against the previous week."),
            ("QuietChannel", "#random is quiet", "#random had 34 of the 1,234 messages."),
        ],
        [
            ("Announcement", "Weekly recap", "Trading Room shared 1,234 messages this week. Thank you all!"),
            ("WeeklyChallenge", "Refund tips", "Share your best refund tip in #random."),
            ("OfficeHours", "Office hours", "Host office hours on Monday and answer the 3 waiting help threads."),
        ]);

    /// <summary>Invents 1,500 messages and a 37% rise; the rest is grounded.</summary>
    public static string Invented() => Json(
        [
            ("Mover", "Messages up 37%", "Messages grew to 1,500 this week."),
            ("QuietChannel", "#random is quiet", "#random had 34 messages."),
        ],
        [("Announcement", "Weekly recap", "We shared 1,234 messages!")]);

    public static string Json(IEnumerable<(string Kind, string Title, string Text)> insights, IEnumerable<(string Kind, string Title, string Text)> actions) =>
        JsonSerializer.Serialize(new
        {
            insights = insights.Select(i => new { kind = i.Kind, title = i.Title, text = i.Text }),
            actions = actions.Select(a => new { kind = a.Kind, title = a.Title, text = a.Text }),
        });
}
