using System.Globalization;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>Reads a guild's alert history, newest first, a page at a time (alerts name no member, so nothing is withheld).</summary>
public sealed class AlertHistoryLog(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> entries; null when the guild is unknown.</summary>
    public async Task<AlertHistoryPage?> ReadAsync(long guildId, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var all = db.AlertHistory.AsNoTracking().Where(r => r.GuildId == guildId);
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AlertHistoryPage(total, page, pageSize, [.. rows.Select(r => new AlertHistoryEntry(
            r.Id.ToString(CultureInfo.InvariantCulture), r.Kind, r.Target, r.Text, r.JumpUrl, r.DueAt, r.At, r.Result, r.Attempts, r.Message))]);
    }
}
