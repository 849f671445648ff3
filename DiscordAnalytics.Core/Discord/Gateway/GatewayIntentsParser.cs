namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Turns <see cref="DiscordOptions.PrivilegedIntents"/> into the IDENTIFY intents value.</summary>
public static class GatewayIntentsParser
{
    /// <summary>
    /// GUILDS | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS plus the configured privileged intents
    /// (<c>GuildMembers</c>, <c>MessageContent</c>; case-insensitive, comma or semicolon separated).
    /// Unknown names are ignored rather than sent, because invalid bits close the gateway with 4013.
    /// </summary>
    public static GatewayIntents FromOptions(DiscordOptions options)
    {
        var intents = GatewayIntents.Unprivileged;
        foreach (var part in (options.PrivilegedIntents ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("GuildMembers", StringComparison.OrdinalIgnoreCase) || part.Equals("GUILD_MEMBERS", StringComparison.OrdinalIgnoreCase))
            {
                intents |= GatewayIntents.GuildMembers;
            }
            else if (part.Equals("MessageContent", StringComparison.OrdinalIgnoreCase) || part.Equals("MESSAGE_CONTENT", StringComparison.OrdinalIgnoreCase))
            {
                intents |= GatewayIntents.MessageContent;
            }
        }

        return intents;
    }

    /// <summary>The Developer Portal names of the privileged intents in <paramref name="intents"/>.</summary>
    public static IReadOnlyList<string> PortalNames(GatewayIntents intents)
    {
        var names = new List<string>(2);
        if (intents.HasFlag(GatewayIntents.GuildMembers))
        {
            names.Add("Server Members Intent (GUILD_MEMBERS)");
        }

        if (intents.HasFlag(GatewayIntents.MessageContent))
        {
            names.Add("Message Content Intent (MESSAGE_CONTENT)");
        }

        return names;
    }
}
