namespace DiscordAnalytics.Core.Analytics;

public enum WindowKind
{
    Last7Days,
    Last30Days,
    Last90Days,
    Custom,
}
