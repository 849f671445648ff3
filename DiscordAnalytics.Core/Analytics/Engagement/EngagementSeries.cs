namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>Summary <c>engagement</c>: every day of the window, zero-filled, oldest first (<see cref="EngagementQuery"/>).</summary>
public sealed record EngagementSeries(IReadOnlyList<EngagementDay> Daily);
