namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>An alert as Settings and the API show it: kind, target, text, when it fell due and was sent (or failed), its result.</summary>
public sealed record AlertHistoryEntry(string Id, AlertKind Kind, string Target, string Text, string? JumpUrl, long DueAt, long? At, AlertResult Result, int Attempts, string? Message);
