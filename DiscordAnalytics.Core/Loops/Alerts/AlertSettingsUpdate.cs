namespace DiscordAnalytics.Core.Loops.Alerts;

public enum AlertSettingsUpdate
{
    Saved,
    GuildNotFound,

    /// <summary>The channel is not a channel of the guild in the store.</summary>
    UnknownChannel,
}
