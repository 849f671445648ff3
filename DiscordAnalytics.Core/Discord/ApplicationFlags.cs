namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// The application flags (READY's and <c>GET /applications/@me</c>'s <c>flags</c>) that say which privileged intents the
/// Developer Portal grants; the <c>Limited</c> variants are the grant for apps in fewer than 100 servers.
/// </summary>
[Flags]
public enum ApplicationFlags : long
{
    None = 0,
    GatewayGuildMembers = 1L << 14,
    GatewayGuildMembersLimited = 1L << 15,
    GatewayMessageContent = 1L << 18,
    GatewayMessageContentLimited = 1L << 19,

    /// <summary>Either grant of the Server Members intent.</summary>
    AnyGuildMembers = GatewayGuildMembers | GatewayGuildMembersLimited,

    /// <summary>Either grant of the Message Content intent.</summary>
    AnyMessageContent = GatewayMessageContent | GatewayMessageContentLimited,
}
