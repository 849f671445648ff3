namespace DiscordAnalytics.Core.Insights;

/// <summary>A suggested action (text to post, a plan) that a human reviews, edits and approves.</summary>
public sealed record ActionDraft(ActionDraftKind Kind, string Title, string Text);
