namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>The held help threads and questions started on one UTC day, and their summary until one of them changes.</summary>
internal sealed class HeldSupportDay
{
    public Dictionary<long, HelpThreadItem> Threads { get; } = [];

    public Dictionary<long, HelpQuestionItem> Questions { get; } = [];

    /// <summary>Built when first asked; dropped whenever a thread or question of the day changes.</summary>
    public SupportDaySummary? Summary { get; set; }

    public SupportDaySummary SummaryOf() => Summary ??= SupportDaySummary.Of(Threads.Values, Questions.Values);

    /// <summary>A summary of the part of the day in [<paramref name="startAt"/>, <paramref name="endAt"/>).</summary>
    public SupportDaySummary SummaryBetween(long startAt, long endAt) => SupportDaySummary.Of(
        [.. Threads.Values.Where(t => t.StartedAt >= startAt && t.StartedAt < endAt)],
        [.. Questions.Values.Where(q => q.AskedAt >= startAt && q.AskedAt < endAt)]);
}
