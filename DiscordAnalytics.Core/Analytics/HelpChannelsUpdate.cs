namespace DiscordAnalytics.Core.Analytics;

/// <summary>The outcome of <see cref="HelpChannelSettings.SetAsync"/>.</summary>
public enum HelpChannelsUpdate
{
    Saved,
    GuildNotFound,

    /// <summary>An id is not a text, announcement, forum or media channel of the guild; nothing was changed.</summary>
    UnknownChannel,
}
