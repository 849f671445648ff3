using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// Reads and replaces a guild's alert settings. Switching the alerts on again clears a pause; the backlog's crossing
/// state and the history (what was already alerted) are kept across saves, so a save never makes an alert fire twice.
/// </summary>
public sealed class AlertSettingsStore(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The guild's settings (the defaults, all off, when it has none); null when the guild is unknown.</summary>
    public async Task<AlertSettingsView?> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var stored = await db.AlertSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        return stored is null ? AlertSettingsView.Default : AlertSettingsView.Of(stored);
    }

    /// <summary>Replaces the guild's settings; checked with <see cref="AlertsValidation"/> first (throws when they break it).</summary>
    public async Task<AlertSettingsUpdate> SetAsync(long guildId, AlertSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (AlertsValidation.Check(guildId, input) is { } problem)
        {
            throw new ArgumentException($"{problem.Field}: {problem.Reason}", nameof(input));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return AlertSettingsUpdate.GuildNotFound;
        }

        if (input.ChannelId is { } channel && !await db.Channels.AnyAsync(c => c.GuildId == guildId && c.ChannelId == channel, cancellationToken))
        {
            return AlertSettingsUpdate.UnknownChannel;
        }

        var settings = await db.AlertSettings.FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        if (settings is null)
        {
            settings = new AlertSettings { GuildId = guildId, Status = AlertsStatus.New };
            db.AlertSettings.Add(settings);
        }

        if (input.Enabled && !settings.Enabled)
        {
            (settings.Status, settings.StatusMessage, settings.StatusAt) = (AlertsStatus.New, null, null);
        }

        settings.Enabled = input.Enabled;
        settings.ChannelId = input.ChannelId;
        settings.MentionRoleId = input.MentionRoleId;
        settings.UnansweredEnabled = input.UnansweredEnabled;
        settings.UnansweredHours = input.UnansweredHours;
        settings.BacklogEnabled = input.BacklogEnabled;
        settings.BacklogThreshold = input.BacklogThreshold;
        settings.DropEnabled = input.DropEnabled;
        settings.DropPercent = input.DropPercent;
        settings.DropDays = input.DropDays;
        settings.QuietStartHour = input.QuietStartHour;
        settings.QuietEndHour = input.QuietEndHour;
        await db.SaveChangesAsync(cancellationToken);
        return AlertSettingsUpdate.Saved;
    }
}
