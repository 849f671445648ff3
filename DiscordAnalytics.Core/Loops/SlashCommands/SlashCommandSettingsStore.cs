using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.SlashCommands;

/// <summary>Reads and changes a guild's slash command settings (<see cref="SlashCommandSettings"/>).</summary>
public sealed class SlashCommandSettingsStore(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The guild's settings (the defaults until changed); null when the guild is unknown.</summary>
    public async Task<SlashCommandsView?> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var row = await db.Set<SlashCommandSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        return row is null ? SlashCommandsView.Default : new SlashCommandsView(row.Answer, row.StatsPublic, row.LeaderboardPublic, row.RegisteredCommands);
    }

    /// <summary>Saves the switch and which commands answer publicly; false when the guild is unknown.</summary>
    public Task<bool> SetAsync(long guildId, bool answer, bool statsPublic, bool leaderboardPublic, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, row => (row.Answer, row.StatsPublic, row.LeaderboardPublic) = (answer, statsPublic, leaderboardPublic), cancellationToken);

    /// <summary>Records how many commands Discord now holds for the guild (after a successful overwrite).</summary>
    public Task<bool> SetRegisteredAsync(long guildId, int count, CancellationToken cancellationToken) =>
        ChangeAsync(guildId, row => row.RegisteredCommands = count, cancellationToken);

    private async Task<bool> ChangeAsync(long guildId, Action<SlashCommandSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return false;
        }

        var row = await db.Set<SlashCommandSettings>().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        if (row is null)
        {
            row = new SlashCommandSettings { GuildId = guildId };
            db.Add(row);
        }

        change(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
