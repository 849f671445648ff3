namespace DiscordAnalytics.Core.Analytics;

/// <summary>A channel that can be a help channel, and whether it is one for support signals.</summary>
/// <param name="IsDefault">True when the default rule decides (no owner choice stored for it).</param>
public sealed record HelpChannelChoice(string ChannelId, string Name, int Type, bool IsHelpChannel, bool IsDefault);
