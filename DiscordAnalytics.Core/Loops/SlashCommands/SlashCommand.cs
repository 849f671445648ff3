namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>The commands the app registers in a guild; their Discord names are <see cref="SlashCommandDefinitions"/>'.</summary>
public enum SlashCommand
{
    Stats,
    Me,
    Leaderboard,
}
