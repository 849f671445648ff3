namespace DiscordAnalytics.Core.Loops.Alerts;

public sealed record AlertHistoryPage(int Total, int Page, int PageSize, IReadOnlyList<AlertHistoryEntry> Entries);
