using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// The weekly schedule per guild. Saving a schedule computes its next occurrence (<see cref="WeeklyOccurrence"/>);
/// <see cref="RunDueAsync"/>, called every few minutes by the host's recurring job, handles every schedule whose
/// occurrence has come: it first claims the occurrence (moves <c>nextRunAt</c> to the following week with a
/// conditional update, so two runs can never both act), then generates a digest and, with auto-post on, posts
/// it. After downtime a missed week runs once, not once per missed week.
/// </summary>
public sealed partial class DigestScheduler(
    IDbContextFactory<AnalyticsDbContext> contexts,
    DigestService digests,
    DigestPoster poster,
    TimeProvider time,
    ILogger<DigestScheduler> logger)
{
    public async Task<DigestScheduleSettings> GetAsync(ulong guildId, string guildTimeZone, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DigestSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == (long)guildId, cancellationToken);
        return row is null
            ? DigestScheduleSettings.Default with { TimeZone = IanaTimeZones.Find(guildTimeZone) is null ? "UTC" : guildTimeZone }
            : new DigestScheduleSettings(row.Enabled, (DayOfWeek)row.DayOfWeek, row.Hour, row.TimeZone, row.AutoPost, row.ChannelId is { } c ? (ulong)c : null);
    }

    /// <summary>The stored schedule row (next/last run, last error), or null when never saved.</summary>
    public async Task<DigestSchedule?> FindAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DigestSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == (long)guildId, cancellationToken);
    }

    /// <summary>Validates and saves; returns the name of the bad setting and why, or null when saved.</summary>
    public async Task<(string Setting, string Reason)?> SaveAsync(ulong guildId, DigestScheduleSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Hour is < 0 or > 23)
        {
            return ("hour", "hour must be 0 to 23.");
        }

        if (!Enum.IsDefined(settings.Day))
        {
            return ("day", "day must be a day of the week.");
        }

        if (IanaTimeZones.Find(settings.TimeZone) is not { } zone)
        {
            return ("timeZone", "timeZone must be an IANA time zone id such as Europe/Berlin or UTC.");
        }

        if (settings.AutoPost && !poster.CanPost)
        {
            return ("autoPost", "auto-post cannot be turned on in demo mode: there is no Discord server to post to. Connect a bot (Discord:Token) first.");
        }

        if (settings.AutoPost && settings.ChannelId is null)
        {
            return ("channelId", "auto-post needs a channel to post to.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (settings.ChannelId is { } channel && !await db.Channels.AnyAsync(c => c.GuildId == (long)guildId && c.ChannelId == (long)channel, cancellationToken))
        {
            return ("channelId", "channelId must be a channel of this server.");
        }

        var row = await db.DigestSchedules.FirstOrDefaultAsync(s => s.GuildId == (long)guildId, cancellationToken);
        if (row is null)
        {
            row = new DigestSchedule { GuildId = (long)guildId };
            db.DigestSchedules.Add(row);
        }

        row.Enabled = settings.Enabled;
        row.DayOfWeek = (int)settings.Day;
        row.Hour = settings.Hour;
        row.TimeZone = IanaTimeZones.Canonical(settings.TimeZone)!;
        row.AutoPost = settings.AutoPost;
        row.ChannelId = settings.ChannelId is { } id ? (long)id : null;
        row.NextRunAt = settings.Enabled
            ? WeeklyOccurrence.Next(settings.Day, settings.Hour, zone, time.GetUtcNow()).ToUnixTimeMilliseconds()
            : null;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Runs every due schedule once; returns how many ran. One guild's failure never stops the others.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        List<DigestSchedule> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.DigestSchedules.AsNoTracking()
                .Where(s => s.Enabled && s.NextRunAt != null && s.NextRunAt <= nowMs)
                .OrderBy(s => s.NextRunAt)
                .ToListAsync(cancellationToken);
        }

        var ran = 0;
        foreach (var schedule in due)
        {
            if (await ClaimAsync(schedule, now, cancellationToken))
            {
                await RunAsync(schedule, nowMs, cancellationToken);
                ran++;
            }
        }

        return ran;
    }

    private async Task<bool> ClaimAsync(DigestSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = IanaTimeZones.Find(schedule.TimeZone) ?? TimeZoneInfo.Utc;
        var next = WeeklyOccurrence.Next((DayOfWeek)schedule.DayOfWeek, schedule.Hour, zone, now).ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.DigestSchedules
            .Where(s => s.GuildId == schedule.GuildId && s.NextRunAt == schedule.NextRunAt)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextRunAt, next).SetProperty(s => s.LastRunAt, now.ToUnixTimeMilliseconds()), cancellationToken);
        return claimed == 1;
    }

    private async Task RunAsync(DigestSchedule schedule, long nowMs, CancellationToken cancellationToken)
    {
        var guildId = (ulong)schedule.GuildId;
        long? digestId = null;
        string? error = null;
        try
        {
            var digest = await digests.GenerateAsync(guildId, scheduled: true, cancellationToken);
            digestId = digest?.Id;
            if (digest is null)
            {
                error = "The server has no data yet.";
            }
            else if (schedule.AutoPost && schedule.ChannelId is { } channel)
            {
                var result = await poster.PostAsync(guildId, digest.Id, (ulong)channel, cancellationToken);
                error = result.Succeeded ? null : result.Error;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(logger, ex, guildId);
            error = "Generating the weekly digest failed; see the server log.";
        }

        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.DigestSchedules
            .Where(s => s.GuildId == schedule.GuildId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDigestId, digestId).SetProperty(s => s.LastError, error), CancellationToken.None);
        LogRan(logger, guildId, digestId, nowMs);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest schedule ran for guild {GuildId}: digest {DigestId} at {At}")]
    private static partial void LogRan(ILogger logger, ulong guildId, long? digestId, long at);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly digest schedule failed for guild {GuildId}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, ulong guildId);
}
