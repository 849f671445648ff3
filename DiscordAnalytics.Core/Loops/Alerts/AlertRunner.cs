using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// Evaluates a guild's alerts (<see cref="AlertEvaluator"/>), records each new one in the history before anything is
/// sent (the unique (guild, kind, target) row is what makes it at most once), and posts every outstanding one unless
/// it is quiet hours: then new ones are held and posted by the first run after quiet hours end. Every post carries
/// the alert's nonce, so a run cut short between post and record sends nothing twice. A refusal retrying cannot fix
/// (403, 404, 401) pauses the guild's alerts with the reason; any other failure (5xx after the REST client's retries,
/// no answer) leaves the alert failed and the next run tries again. One run per guild at a time.
/// </summary>
public sealed partial class AlertRunner(
    IDbContextFactory<AnalyticsDbContext> contexts,
    AlertEvaluator evaluator,
    TimeProvider time,
    ILogger<AlertRunner> logger,
    IAlertPoster? poster = null)
{
    private static readonly AlertResult[] Outstanding = [AlertResult.Due, AlertResult.Held, AlertResult.Failed];
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _guildLocks = new();

    /// <summary>Runs the alerts of every guild that has them on (the recurring job).</summary>
    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        List<long> guilds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            guilds = await db.AlertSettings.AsNoTracking().Where(s => s.Enabled).Select(s => s.GuildId).ToListAsync(cancellationToken);
        }

        foreach (var guild in guilds)
        {
            await RunAsync(guild, cancellationToken);
        }
    }

    public async Task<AlertRunResult> RunAsync(long guildId, CancellationToken cancellationToken)
    {
        var gate = _guildLocks.GetOrAdd(guildId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await RunLockedAsync(guildId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<AlertRunResult> RunLockedAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await db.Guilds.Where(g => g.GuildId == guildId).Select(g => new { g.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (zone is null)
        {
            return AlertRunResult.Nothing(AlertRunState.GuildNotFound);
        }

        var settings = await db.AlertSettings.FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
        if (settings is not { Enabled: true, ChannelId: not null })
        {
            return AlertRunResult.Nothing(AlertRunState.SwitchedOff);
        }

        if (poster is null)
        {
            return AlertRunResult.Nothing(AlertRunState.NoDiscord);
        }

        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var quiet = QuietHours.IsQuiet(now, zone.TimeZone, settings.QuietStartHour, settings.QuietEndHour);
        var found = await evaluator.EvaluateAsync(settings, nowMs, cancellationToken);
        foreach (var alert in found.Alerts)
        {
            db.AlertHistory.Add(new AlertRecord
            {
                GuildId = guildId,
                Kind = alert.Kind,
                Target = alert.Target,
                Text = alert.Text,
                JumpUrl = alert.JumpUrl,
                DueAt = nowMs,
                Result = quiet ? AlertResult.Held : AlertResult.Due,
            });
        }

        if (found.BacklogFired is { } fired)
        {
            settings.BacklogFired = fired;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another run (another instance) recorded one of them first: it sends them; this run sends nothing.
            LogRecordRace(logger, ex, guildId);
            return AlertRunResult.Nothing(AlertRunState.Ran);
        }

        if (quiet)
        {
            return new AlertRunResult(AlertRunState.Ran, found.Alerts.Count, 0, 0, true);
        }

        var (sent, failed) = await SendOutstandingAsync(db, poster, settings, nowMs, cancellationToken);
        return new AlertRunResult(AlertRunState.Ran, found.Alerts.Count, sent, failed, false);
    }

    private async Task<(int Sent, int Failed)> SendOutstandingAsync(AnalyticsDbContext db, IAlertPoster alerts, AlertSettings settings, long nowMs, CancellationToken cancellationToken)
    {
        var kinds = new List<AlertKind>();
        if (settings.UnansweredEnabled)
        {
            kinds.Add(AlertKind.Unanswered);
        }

        if (settings.BacklogEnabled)
        {
            kinds.Add(AlertKind.Backlog);
        }

        if (settings.DropEnabled)
        {
            kinds.Add(AlertKind.Drop);
        }

        var outstanding = await db.AlertHistory
            .Where(r => r.GuildId == settings.GuildId && Outstanding.Contains(r.Result) && kinds.Contains(r.Kind))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var record in outstanding)
        {
            if (await evaluator.WithdrawReasonAsync(record, cancellationToken) is { } reason)
            {
                (record.Result, record.Message, record.At) = (AlertResult.Withdrawn, reason, nowMs);
                if (reason != AlertEvaluator.Answered && record.JumpUrl is { } link)
                {
                    // The history keeps no link to an opted-out member's thread either (a forgotten asker's thread may
                    // look merely gone: their messages lost their author).
                    (record.Text, record.JumpUrl) = (record.Text.Replace(link, "(link removed)", StringComparison.Ordinal), null);
                }

                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            record.Attempts++;
            record.At = nowMs;
            try
            {
                var messageId = await alerts.PostAsync((ulong)settings.ChannelId!.Value, record.Text, (ulong?)settings.MentionRoleId, Nonce(record.Id), cancellationToken);
                (record.Result, record.Message, record.PostedMessageId) = (alerts.Done, null, messageId);
                (settings.Status, settings.StatusMessage, settings.StatusAt) = (AlertsStatus.Ok, null, nowMs);
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
            {
                var (status, message) = Refusal(ex, settings.ChannelId!.Value);
                (record.Result, record.Message) = (AlertResult.Failed, message);
                (settings.Status, settings.StatusMessage, settings.StatusAt) = (status, message, nowMs);
                if (status == AlertsStatus.Paused)
                {
                    settings.Enabled = false;
                }

                await db.SaveChangesAsync(cancellationToken);
                LogStopped(logger, settings.GuildId, record.Id, status.ToString(), (ex as DiscordRestException)?.StatusCode is { } code ? (int)code : 0);
                return (sent, 1);
            }
        }

        if (sent > 0)
        {
            LogSent(logger, settings.GuildId, sent, alerts.Done == AlertResult.Simulated);
        }

        return (sent, 0);
    }

    /// <summary>At most 25 characters (Discord's nonce limit), one per alert.</summary>
    public static string Nonce(long alertId) => string.Create(CultureInfo.InvariantCulture, $"al{alertId}");

    /// <summary>A refusal that retrying cannot fix pauses the alerts; anything else is retried by the next run.</summary>
    private static (AlertsStatus Status, string Message) Refusal(Exception ex, long channelId)
    {
        var channel = channelId.ToString(CultureInfo.InvariantCulture);
        return ex switch
        {
            DiscordRestException { StatusCode: HttpStatusCode.Forbidden } refused => (AlertsStatus.Paused, string.Create(CultureInfo.InvariantCulture,
                $"Discord refused (403{(refused.ErrorCode is { } code ? $", code {code}" : string.Empty)}): give the bot View Channel and Send Messages in channel {channel}, then switch alerts on again.")),
            DiscordRestException { StatusCode: HttpStatusCode.NotFound } => (AlertsStatus.Paused,
                $"Discord does not know channel {channel} (404): it was deleted or the bot cannot see it. Choose another channel, then switch alerts on again."),
            DiscordUnauthorizedException => (AlertsStatus.Paused, "Discord rejected the bot token (401): fix Discord:Token, restart, then switch alerts on again."),
            DiscordRestException { StatusCode: HttpStatusCode.BadRequest } => (AlertsStatus.Paused,
                $"Discord refused the alert as invalid (400) in channel {channel}: choose a text channel, then switch alerts on again."),
            _ => (AlertsStatus.Failing, $"Discord did not take the alert ({ex.Message}); the next run tries again."),
        };
    }

    // Ids and counts only: never a text (it names channels and links, but logs stay free of anything posted).
    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts of guild {GuildId}: {Sent} posted (simulated {Simulated})")]
    private static partial void LogSent(ILogger logger, long guildId, int sent, bool simulated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alerts of guild {GuildId} stopped at alert {AlertId}: {Status} after HTTP {HttpStatus}")]
    private static partial void LogStopped(ILogger logger, long guildId, long alertId, string status, int httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alerts of guild {GuildId}: another run recorded the same alerts first")]
    private static partial void LogRecordRace(ILogger logger, Exception exception, long guildId);
}
