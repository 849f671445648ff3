namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// An owner's choice for one channel that differs from the default rule of <c>Analytics.HelpChannels</c>:
/// marked as a help channel although the rule says no, or unmarked although it says yes. Channels without
/// a row follow the rule, so channels created later still get the default.
/// </summary>
public sealed class HelpChannelOverride
{
    public long GuildId { get; set; }

    public long ChannelId { get; set; }

    public bool IsHelpChannel { get; set; }
}
