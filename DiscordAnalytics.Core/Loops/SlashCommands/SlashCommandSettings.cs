namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>
/// A guild's slash command settings (table <c>slashCommandSettings</c>, a row once something was changed; no row =
/// off, every answer ephemeral, nothing registered).
/// </summary>
public sealed class SlashCommandSettings
{
    public long GuildId { get; set; }

    /// <summary>"Answer slash commands": registers /stats, /me and /leaderboard in the guild and answers them.</summary>
    public bool Answer { get; set; }

    /// <summary>/stats answers in the channel for everyone to see (false: only the caller sees it).</summary>
    public bool StatsPublic { get; set; }

    /// <summary>/leaderboard answers in the channel for everyone to see (false: only the caller sees it).</summary>
    public bool LeaderboardPublic { get; set; }

    /// <summary>
    /// How many commands the app last registered in the guild (0 after an empty overwrite). Kept so a switch turned
    /// off while the bot was offline still clears the guild's commands at the next connection.
    /// </summary>
    public int RegisteredCommands { get; set; }
}
