namespace DiscordAnalytics.Core.Insights;

/// <summary>A number as written in a text: an ISO date (<c>2026-11-19</c>, kept whole), a percentage, or a plain number.</summary>
public readonly record struct NumberToken(string Text, decimal Value, bool IsPercent, bool IsDate);
