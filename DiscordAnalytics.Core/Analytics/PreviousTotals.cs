namespace DiscordAnalytics.Core.Analytics;

/// <summary>The totals of the previous window, cut like the current one, and what they cover.</summary>
public sealed record PreviousTotals(Totals Totals, PreviousWindow Window, ComparisonWindow Span);
