using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Shows the alerts in the demo: on the first start of a demo store, the demo guild gets its alerts switched on (posted
/// in its mod-log channel, all three kinds), so the 5-minute job "posts" them, simulated, to <see cref="DemoAlertPoster"/>
/// (no network) and the history on Settings fills; its moderators role becomes its escalation role, so the Support card
/// counts the askers who mention it. A demo store that already has alert settings keeps the owner's choices.
/// </summary>
public sealed partial class DemoAlerts(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IOptions<DemoOptions> options,
    ILogger<DemoAlerts> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var community = DemoCommunity.Create(options.Value.Seed);
        var guildId = (long)community.GuildId;
        var channel = community.Channels.FirstOrDefault(c => c.Kind == DemoChannelKind.ModLog) ?? community.Channels[0];
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.AlertSettings.AnyAsync(s => s.GuildId == guildId, cancellationToken))
            {
                return;
            }

            db.AlertSettings.Add(new AlertSettings
            {
                GuildId = guildId,
                Enabled = true,
                ChannelId = (long)channel.Id,
                UnansweredEnabled = true,
                BacklogEnabled = true,
                DropEnabled = true,
                Status = AlertsStatus.New,
            });
            if (!await db.Set<EscalationRole>().AnyAsync(r => r.GuildId == guildId, cancellationToken))
            {
                db.Add(new EscalationRole { GuildId = guildId, RoleId = (long)community.ModeratorsRoleId });
            }

            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, guildId);
        }
        catch (Exception ex) when (ex is DbUpdateException || StoreFailure.IsFromStore(ex))
        {
            // Another instance of a shared store seeded them first, or the store refuses writes or cannot be reached (EF
            // wraps PostgreSQL's failures): the demo runs on without.
            LogNotSeeded(logger, ex, guildId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: alerts switched on, posted simulated every 5 minutes; moderators are its escalation role")]
    private static partial void LogSeeded(ILogger logger, long guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo guild {GuildId}: alerts not switched on")]
    private static partial void LogNotSeeded(ILogger logger, Exception exception, long guildId);
}
