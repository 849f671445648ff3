using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.WarmUp;

/// <summary>One call the dashboard makes for a window (a card's query, as the card asks it), named for the logs and the bench.</summary>
public sealed record WarmUpCard(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run);
