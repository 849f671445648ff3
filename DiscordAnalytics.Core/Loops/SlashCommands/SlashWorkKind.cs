namespace DiscordAnalytics.Core.Loops.SlashCommands;

public enum SlashWorkKind
{
    /// <summary>READY: a new connection, whose guilds get the commands their switch asks for.</summary>
    Session,

    /// <summary>A guild's switch was saved: its commands follow it while connected.</summary>
    SettingsChanged,

    /// <summary>INTERACTION_CREATE: a command to answer.</summary>
    Interaction,
}
