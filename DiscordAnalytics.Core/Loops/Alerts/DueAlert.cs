namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>An alert found due now that was never recorded: what it is about, its text and the link it carries.</summary>
public sealed record DueAlert(AlertKind Kind, string Target, string Text, string? JumpUrl);
