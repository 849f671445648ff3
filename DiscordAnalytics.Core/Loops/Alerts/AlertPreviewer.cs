using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// What would fire now, with the saved settings (whether alerts are on or off), changing nothing: the same evaluation
/// the runner records, plus the recorded alerts not posted yet.
/// </summary>
public sealed class AlertPreviewer(IDbContextFactory<AnalyticsDbContext> contexts, AlertEvaluator evaluator, TimeProvider time)
{
    /// <summary>The preview; null when the guild is unknown.</summary>
    public async Task<AlertPreview?> PreviewAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await db.Guilds.AsNoTracking().Where(g => g.GuildId == guildId).Select(g => new { g.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (zone is null)
        {
            return null;
        }

        var settings = await db.AlertSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken)
            ?? new AlertSettings { GuildId = guildId };
        var now = time.GetUtcNow();
        var found = await evaluator.EvaluateAsync(settings, now.ToUnixTimeMilliseconds(), cancellationToken);
        var recorded = await db.AlertHistory.AsNoTracking()
            .Where(r => r.GuildId == guildId && (r.Result == AlertResult.Due || r.Result == AlertResult.Held || r.Result == AlertResult.Failed))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var items = recorded
            .Select(r => new AlertPreviewItem(r.Kind, r.Target, r.Text, r.JumpUrl, StoredNames<AlertResult>.Text(r.Result)))
            .Concat(found.Alerts.Select(a => new AlertPreviewItem(a.Kind, a.Target, a.Text, a.JumpUrl, "new")))
            .ToList();
        var quiet = QuietHours.IsQuiet(now, zone.TimeZone, settings.QuietStartHour, settings.QuietEndHour);
        return new AlertPreview(settings.Enabled, quiet, found.Waiting, items);
    }
}
