using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>Reads a guild's role change log, newest first, a page at a time; hidden members are never named.</summary>
public sealed class RoleChangeLog(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> entries; null when the guild is unknown.</summary>
    public async Task<RoleChangePage?> ReadAsync(long guildId, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var all = db.RoleChanges.AsNoTracking().Where(c => c.GuildId == guildId);
        var total = await all.CountAsync(cancellationToken);
        var rows = await all.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guildId, cancellationToken);
        var users = rows.Select(r => r.UserId).Where(visible.IsListed).Distinct().ToList();
        var names = await Names.OfMembersAsync(db, guildId, users, cancellationToken);
        return new RoleChangePage(total, page, pageSize, [.. rows.Select(r =>
        {
            var listed = visible.IsListed(r.UserId);
            return new RoleChangeEntry(
                r.Id.ToString(CultureInfo.InvariantCulture),
                r.RuleId.ToString(CultureInfo.InvariantCulture),
                r.RoleId.ToString(CultureInfo.InvariantCulture),
                listed ? r.UserId.ToString(CultureInfo.InvariantCulture) : null,
                listed && names.GetValueOrDefault(r.UserId) is { Length: > 0 } name ? name : null,
                r.Action, r.Result, r.Message, r.At);
        })]);
    }
}
