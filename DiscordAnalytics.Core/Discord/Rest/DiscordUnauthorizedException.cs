using System.Net;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>Discord answered 401: the token is wrong. The client stops calling until it is recreated.</summary>
public sealed class DiscordUnauthorizedException : DiscordRestException
{
    public DiscordUnauthorizedException()
        : base("Discord rejected the bot token (HTTP 401). Set a valid token in Discord__Token or user-secrets, then restart.", HttpStatusCode.Unauthorized)
    {
    }
}
