namespace DiscordAnalytics.Core.Demo;

/// <summary>The subject a channel's messages are drawn from.</summary>
public enum DemoTopic
{
    None,
    General,
    Introductions,
    Trading,
    Dev,
    Support,
    Billing,
    FeatureRequests,
    Announcements,
    MarketAlerts,
    Deployments,
}
