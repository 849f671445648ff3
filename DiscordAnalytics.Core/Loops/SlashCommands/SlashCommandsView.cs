namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>A guild's slash command settings as the API and Settings show them.</summary>
/// <param name="Answer">"Answer slash commands" (off until the owner turns it on).</param>
/// <param name="StatsPublic">/stats answers for everyone in the channel; false: only the caller sees it.</param>
/// <param name="LeaderboardPublic">/leaderboard answers for everyone in the channel; false: only the caller sees it.</param>
/// <param name="RegisteredCommands">How many commands the app last registered in the guild on Discord.</param>
public sealed record SlashCommandsView(bool Answer, bool StatsPublic, bool LeaderboardPublic, int RegisteredCommands)
{
    /// <summary>What a guild without a saved row has: off, every answer ephemeral, nothing registered.</summary>
    public static SlashCommandsView Default { get; } = new(false, false, false, 0);

    /// <summary>Whether <paramref name="command"/> answers for everyone; /me never does.</summary>
    public bool IsPublic(SlashCommand command) => command switch
    {
        SlashCommand.Stats => StatsPublic,
        SlashCommand.Leaderboard => LeaderboardPublic,
        _ => false,
    };
}
