namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>The gateway intents this product uses (FACTS.md section 5).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,

    /// <summary>Privileged: "Server Members Intent" in the Developer Portal.</summary>
    GuildMembers = 1 << 1,
    /// <summary>INVITE_CREATE and INVITE_DELETE (sent only with the Manage Channels permission); not privileged.</summary>
    GuildInvites = 1 << 6,

    /// <summary>VOICE_STATE_UPDATE and GUILD_CREATE's <c>voice_states</c>; not privileged.</summary>
    GuildVoiceStates = 1 << 7,
    GuildMessages = 1 << 9,
    GuildMessageReactions = 1 << 10,

    /// <summary>Privileged: "Message Content Intent" in the Developer Portal.</summary>
    MessageContent = 1 << 15,

    /// <summary>The intents that are always requested.</summary>
    Unprivileged = Guilds | GuildInvites | GuildVoiceStates | GuildMessages | GuildMessageReactions,
}
