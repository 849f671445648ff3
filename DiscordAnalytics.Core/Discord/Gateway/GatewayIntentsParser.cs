namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Turns <see cref="DiscordOptions.PrivilegedIntents"/> into the IDENTIFY intents value.</summary>
public static class GatewayIntentsParser
{
    /// <summary>
    /// GUILDS | GUILD_VOICE_STATES | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS plus the configured privileged intents
    /// (<c>GuildMembers</c>, <c>MessageContent</c>; case-insensitive, comma or semicolon separated).
    /// Unknown names are ignored rather than sent, because invalid bits close the gateway with 4013 (and the start
    /// refuses them anyway, see <see cref="AreKnown"/>).
    /// </summary>
    public static GatewayIntents FromOptions(DiscordOptions options)
    {
        var intents = GatewayIntents.Unprivileged;
        foreach (var part in Parts(options.PrivilegedIntents))
        {
            intents |= Privileged(part) ?? GatewayIntents.None;
        }

        return intents;
    }

    /// <summary>Whether every comma-separated entry names a privileged intent (empty names none, which is allowed).</summary>
    public static bool AreKnown(string? privilegedIntents) => Parts(privilegedIntents).All(part => Privileged(part) is not null);

    private static string[] Parts(string? privilegedIntents) =>
        (privilegedIntents ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static GatewayIntents? Privileged(string part) =>
        part.Equals("GuildMembers", StringComparison.OrdinalIgnoreCase) || part.Equals("GUILD_MEMBERS", StringComparison.OrdinalIgnoreCase) ? GatewayIntents.GuildMembers
        : part.Equals("MessageContent", StringComparison.OrdinalIgnoreCase) || part.Equals("MESSAGE_CONTENT", StringComparison.OrdinalIgnoreCase) ? GatewayIntents.MessageContent
        : null;

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
