namespace DiscordAnalytics.Core.Insights;

/// <summary>What a generator produced from one summary, kept apart as the seed asks.</summary>
/// <param name="Generator">Which generator wrote it: <c>offline</c>, <c>AzureOpenAI</c> or <c>OpenAI</c>.</param>
/// <param name="Insights">Observations; no side effects.</param>
/// <param name="Actions">Drafts a human approves before anything is posted.</param>
/// <param name="Grounding">Whether every number in the texts above comes from the summary.</param>
public sealed record InsightReport(string Generator, IReadOnlyList<Insight> Insights, IReadOnlyList<ActionDraft> Actions, Grounding Grounding)
{
    /// <summary>
    /// Set when the configured model could not be used (no endpoint, 401, timeout, 429, 5xx, an unreadable
    /// answer): why, in words for the user (never a key). The report is then the offline generator's.
    /// </summary>
    public string? FallbackReason { get; init; }

    /// <summary>Model calls made for this report: 0 offline, 1, or 2 when the first answer was not grounded.</summary>
    public int ModelCalls { get; init; }

    /// <summary>Every title and text, in order: what the grounding check reads.</summary>
    public IEnumerable<string> Texts =>
        Insights.SelectMany(i => new[] { i.Title, i.Text }).Concat(Actions.SelectMany(a => new[] { a.Title, a.Text }));
}
