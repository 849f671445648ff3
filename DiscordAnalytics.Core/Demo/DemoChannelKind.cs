namespace DiscordAnalytics.Core.Demo;

/// <summary>What happens in a demo channel: who posts there and what kind of text.</summary>
public enum DemoChannelKind
{
    /// <summary>A category (type 4): groups channels, holds no messages.</summary>
    Category,

    /// <summary>An ordinary chat channel where members talk.</summary>
    Chat,

    /// <summary>The announcements channel (type 5): rare staff posts that collect many reactions.</summary>
    Announcements,

    /// <summary>A forum (type 15): holds only posts, each a thread whose starter message has the thread's id.</summary>
    Forum,

    /// <summary>A voice channel: no messages.</summary>
    Voice,

    /// <summary>A channel where only a bot posts (alerts, deploys).</summary>
    BotFeed,

    /// <summary>Where the moderation bot greets joiners.</summary>
    Welcome,

    /// <summary>Where the moderation bot logs removals.</summary>
    ModLog,

    /// <summary>Read-only (rules): no messages.</summary>
    ReadOnly,
}
