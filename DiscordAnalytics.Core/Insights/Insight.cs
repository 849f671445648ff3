namespace DiscordAnalytics.Core.Insights;

/// <summary>One observation about the window, e.g. a big change or a quiet channel.</summary>
public sealed record Insight(InsightKind Kind, string Title, string Text);
