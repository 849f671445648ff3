namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Discord's message type numbers (the message object's <c>type</c>) that decide what counts as chat. Every other type
/// (joins, boosts, pins, thread-created notices, the content-less thread starter message ...) is a system message.
/// </summary>
public static class MessageTypes
{
    public const int Default = 0;

    /// <summary>Discord's USER_JOIN: the "welcome" system message when someone joins.</summary>
    public const int UserJoin = 7;

    public const int ThreadCreated = 18;

    public const int Reply = 19;

    /// <summary>A slash command's reply.</summary>
    public const int ChatInputCommand = 20;

    /// <summary>No content; its <c>message_reference</c> points at the parent channel's message the thread was started from.</summary>
    public const int ThreadStarterMessage = 21;

    /// <summary>A context-menu command's reply.</summary>
    public const int ContextMenuCommand = 23;

    /// <summary>User chat: plain messages, replies and command replies. Only these become message events.</summary>
    public static bool IsChat(int type) => type is Default or Reply or ChatInputCommand or ContextMenuCommand;
}
