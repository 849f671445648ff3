using DiscordAnalytics.Core.Analytics;

namespace DiscordAnalytics.Core.WarmUp;

/// <summary>
/// One call the dashboard makes for a window (a card's query, as the card asks it), named for the logs and the bench;
/// <see cref="FollowsRole"/> when the card's numbers are a picked role's holders' (the call is then made with the role too).
/// </summary>
public sealed record WarmUpCard(string Name, Func<AnalyticsQuery, CancellationToken, Task> Run, bool FollowsRole = false);
