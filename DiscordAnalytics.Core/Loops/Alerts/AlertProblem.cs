namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>Why alert settings cannot be saved: the field at fault (as the HTTP body names it) and what it must be.</summary>
public sealed record AlertProblem(string Field, string Reason);
