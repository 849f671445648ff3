namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>One alert a run would post now: <c>new</c> (not recorded yet), or a recorded one still <c>due</c>, <c>held</c> or <c>failed</c>.</summary>
public sealed record AlertPreviewItem(AlertKind Kind, string Target, string Text, string? JumpUrl, string State);
