using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// Finds a guild's due alerts from the support facts and the channel rollups (never the messages), minus what the
/// history already holds. Reads only: the runner records and sends, the preview shows.
/// <list type="bullet">
/// <item>Waiting: a help thread (<see cref="SupportSignalsQuery"/>'s rules: a thread under a help channel, its starter a
/// human's unless bots count) or a question asked directly in a help channel, started in the last
/// <see cref="LookbackDays"/> days and more than <see cref="AlertSettings.UnansweredHours"/> ago, with no answer yet.
/// Older ones are never alerted, so switching alerts on does not post the whole history.</item>
/// <item>Unanswered: each waiting thread or question, once (at most <see cref="MaxNewPerRun"/> new per run; the rest
/// follow next run).</item>
/// <item>Backlog: more than <see cref="AlertSettings.BacklogThreshold"/> waiting fires once; it re-arms when the count is
/// back at or below the threshold.</item>
/// <item>Drop: the messages of the last <see cref="AlertSettings.DropDays"/> whole UTC days (today excluded) against the
/// same number of days before; fires when they fell by more than <see cref="AlertSettings.DropPercent"/>% (and the
/// earlier period had messages), at most once within any period of that length.</item>
/// </list>
/// </summary>
public sealed class AlertEvaluator(IDbContextFactory<AnalyticsDbContext> contexts, IOptions<DiscordOptions> discord)
{
    public const int LookbackDays = 7;

    public const int MaxNewPerRun = 10;

    private const long HourMs = 3_600_000;

    /// <summary>What <paramref name="settings"/> find at <paramref name="nowMs"/> that the history does not hold yet.</summary>
    public async Task<AlertEvaluation> EvaluateAsync(AlertSettings settings, long nowMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var guild = settings.GuildId;
        var alerts = new List<DueAlert>();
        var waiting = settings.UnansweredEnabled || settings.BacklogEnabled ? await WaitingAsync(db, settings, nowMs, cancellationToken) : [];
        if (settings.UnansweredEnabled && waiting.Count > 0)
        {
            // A hidden or forgotten member's thread or question is never alerted (the backlog still counts it: a number).
            var privacy = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
            var targets = waiting.Where(w => privacy.IsListed(w.Asker)).Select(w => w.Target).ToList();
            var done = (await db.AlertHistory.AsNoTracking()
                .Where(r => r.GuildId == guild && r.Kind == AlertKind.Unanswered && targets.Contains(r.Target))
                .Select(r => r.Target).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            alerts.AddRange(waiting.Where(w => privacy.IsListed(w.Asker) && !done.Contains(w.Target)).OrderBy(w => w.StartedAt).ThenBy(w => w.Target, StringComparer.Ordinal)
                .Take(MaxNewPerRun).Select(w => new DueAlert(AlertKind.Unanswered, w.Target, UnansweredText(w, settings.UnansweredHours), w.JumpUrl)));
        }

        bool? fired = null;
        if (settings.BacklogEnabled)
        {
            if (waiting.Count > settings.BacklogThreshold && !settings.BacklogFired)
            {
                fired = true;
                alerts.Add(new DueAlert(AlertKind.Backlog, string.Create(CultureInfo.InvariantCulture, $"backlog:{nowMs}"), BacklogText(waiting.Count, settings), null));
            }
            else if (waiting.Count <= settings.BacklogThreshold && settings.BacklogFired)
            {
                fired = false;
            }
        }

        if (settings.DropEnabled && await DropAsync(db, settings, nowMs, cancellationToken) is { } drop)
        {
            alerts.Add(drop);
        }

        return new AlertEvaluation(alerts, waiting.Count, fired);
    }

    private async Task<List<Waiting>> WaitingAsync(AnalyticsDbContext db, AlertSettings settings, long nowMs, CancellationToken cancellationToken)
    {
        var guild = settings.GuildId;
        var helpChannels = await HelpChannelSettings.HelpChannelIdsAsync(db, guild, cancellationToken);
        if (helpChannels.Count == 0)
        {
            return [];
        }

        var (since, before, bots) = (nowMs - (LookbackDays * 24 * HourMs), nowMs - (settings.UnansweredHours * HourMs), discord.Value.IncludeBots);
        var threads = db.SupportThreads.AsNoTracking()
            .Where(t => t.GuildId == guild && t.StartedAt >= since && t.StartedAt < before && !t.StarterGone && t.StarterAuthorId != null && (bots || !t.StarterIsBot));
        threads = bots ? threads.Where(t => t.FirstResponseWithBotsAt == null) : threads.Where(t => t.FirstResponseAt == null);
        var openThreads = await (
            from t in threads
            join c in db.Channels on new { t.GuildId, ChannelId = t.ThreadId } equals new { c.GuildId, c.ChannelId }
            where c.IsThread && c.ParentId != null && helpChannels.Contains(c.ParentId.Value)
            select new { t.ThreadId, Parent = c.ParentId!.Value, t.StartedAt, Asker = t.StarterAuthorId!.Value })
            .ToListAsync(cancellationToken);
        var openQuestions = await db.SupportQuestions.AsNoTracking()
            .Where(q => q.GuildId == guild && q.WithBots == bots && helpChannels.Contains(q.ChannelId) && q.AskedAt >= since && q.AskedAt < before && q.AnsweredAt == null)
            .Select(q => new { q.MessageId, q.ChannelId, q.AskedAt, Asker = q.AuthorId })
            .ToListAsync(cancellationToken);
        return
        [
            .. openThreads.Select(t => new Waiting(
                Invariant($"thread:{t.ThreadId}"), false, t.Parent, t.StartedAt, Invariant($"https://discord.com/channels/{guild}/{t.ThreadId}"), t.Asker)),
            .. openQuestions.Select(q => new Waiting(
                Invariant($"question:{q.MessageId}"), true, q.ChannelId, q.AskedAt, Invariant($"https://discord.com/channels/{guild}/{q.ChannelId}/{q.MessageId}"), q.Asker)),
        ];
    }

    private async Task<DueAlert?> DropAsync(AnalyticsDbContext db, AlertSettings settings, long nowMs, CancellationToken cancellationToken)
    {
        var (guild, period, bots) = (settings.GuildId, settings.DropDays, discord.Value.IncludeBots);
        var today = DayBucket.FromUnixMs(nowMs);
        var (first, middle) = (today - (2 * period), today - period);
        var days = await db.ChannelDailyRollups.AsNoTracking()
            .Where(r => r.GuildId == guild && r.Day >= first && r.Day < today && (bots || !r.IsBot))
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Messages = g.Sum(r => r.MessageCount) })
            .ToListAsync(cancellationToken);
        var before = days.Where(d => d.Day < middle).Sum(d => d.Messages);
        var last = days.Where(d => d.Day >= middle).Sum(d => d.Messages);
        if (before <= 0 || (before - last) * 100 <= settings.DropPercent * before)
        {
            return null;
        }

        // At most once per period: a drop alert within the last period's length (of any period setting) holds this one back.
        var recent = nowMs - (period * 24 * HourMs);
        if (await db.AlertHistory.AnyAsync(r => r.GuildId == guild && r.Kind == AlertKind.Drop && r.DueAt > recent, cancellationToken))
        {
            return null;
        }

        var target = Invariant($"drop:{period}d:{today}");
        if (await db.AlertHistory.AnyAsync(r => r.GuildId == guild && r.Kind == AlertKind.Drop && r.Target == target, cancellationToken))
        {
            return null;
        }

        var percent = (int)Math.Round((before - last) * 100.0 / before, MidpointRounding.AwayFromZero);
        var span = period == 1 ? "yesterday" : Invariant($"in the last {period} days");
        var earlier = period == 1 ? "the day before" : Invariant($"the {period} days before");
        var lastDate = DayBucket.ToDate(today - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DueAlert(AlertKind.Drop, target, Invariant($"Messages are down {percent}%: {last} {span} (to {lastDate}, UTC) against {before} {earlier}."), null);
    }

    private static string UnansweredText(Waiting waiting, int hours) =>
        Invariant($"{(waiting.IsQuestion ? "A question" : "A help thread")} in <#{waiting.Channel}> has had no answer for more than {hours} {(hours == 1 ? "hour" : "hours")}: {waiting.JumpUrl}");

    private static string BacklogText(int count, AlertSettings settings) =>
        Invariant($"{count} help threads and questions have waited more than {settings.UnansweredHours} {(settings.UnansweredHours == 1 ? "hour" : "hours")} for an answer (the alert is set above {settings.BacklogThreshold}).");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Why a recorded unanswered alert must not be posted now, or null when it still may: checked at posting time, since
    /// a held or failed alert waits (quiet hours, a retry) while its thread is answered or its asker opts out.
    /// </summary>
    public async Task<string?> WithdrawReasonAsync(AlertRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind != AlertKind.Unanswered)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (guild, bots) = (record.GuildId, discord.Value.IncludeBots);
        var separator = record.Target.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || !long.TryParse(record.Target.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Gone;
        }

        var found = record.Target.StartsWith("thread:", StringComparison.Ordinal)
            ? await db.SupportThreads.AsNoTracking()
                .Where(t => t.GuildId == guild && t.ThreadId == id)
                .Select(t => new { Asker = t.StarterAuthorId, Gone = t.StarterGone, Answered = (bots ? t.FirstResponseWithBotsAt : t.FirstResponseAt) != null })
                .FirstOrDefaultAsync(cancellationToken)
            : await db.SupportQuestions.AsNoTracking()
                .Where(q => q.GuildId == guild && q.MessageId == id && q.WithBots == bots)
                .Select(q => new { Asker = (long?)q.AuthorId, Gone = false, Answered = q.AnsweredAt != null })
                .FirstOrDefaultAsync(cancellationToken);
        if (found?.Asker is { } author && !(await VisibleMembers.LoadAsync(db, guild, cancellationToken)).IsListed(author))
        {
            return OptedOut;
        }

        if (found is null || found.Gone || found.Asker is null)
        {
            return Gone;
        }

        var answered = found.Answered;
        return answered ? Answered : null;
    }

    /// <summary>The reasons <see cref="WithdrawReasonAsync"/> gives: none names anyone.</summary>
    public const string Answered = "Not posted: it was answered before it could be posted.",
        Gone = "Not posted: the thread or question is gone (deleted, or its first message was).",
        OptedOut = "Not posted: the member who asked opted out of statistics.";

    private sealed record Waiting(string Target, bool IsQuestion, long Channel, long StartedAt, string JumpUrl, long Asker);
}
