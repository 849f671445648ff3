namespace DiscordAnalytics.Core.Insights;

/// <summary>What a generator produced from one summary, kept apart as the seed asks.</summary>
/// <param name="Generator">Which generator wrote it (<c>offline</c>, later the model path).</param>
/// <param name="Insights">Observations; no side effects.</param>
/// <param name="Actions">Drafts a human approves before anything is posted.</param>
/// <param name="Grounding">Whether every number in the texts above comes from the summary.</param>
public sealed record InsightReport(string Generator, IReadOnlyList<Insight> Insights, IReadOnlyList<ActionDraft> Actions, Grounding Grounding)
{
    /// <summary>Every title and text, in order: what the grounding check reads.</summary>
    public IEnumerable<string> Texts =>
        Insights.SelectMany(i => new[] { i.Title, i.Text }).Concat(Actions.SelectMany(a => new[] { a.Title, a.Text }));
}
