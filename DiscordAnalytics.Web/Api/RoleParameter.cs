using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Web.Api;

/// <summary>The <c>roleId=</c> parameter of the summary and the CSV exports: a role of the guild (deleted ones included), or a 400 naming it.</summary>
public sealed class RoleParameter(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The query restricted to the role; the problem is set (and the query unchanged) when the parameter names no role of the guild.</summary>
    public async Task<(AnalyticsQuery Query, IResult? Problem)> ApplyAsync(AnalyticsQuery query, string? roleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(roleId))
        {
            return (query, null);
        }

        if (!ulong.TryParse(roleId, NumberStyles.None, CultureInfo.InvariantCulture, out var role) || role == 0 || role > long.MaxValue)
        {
            return (query, ApiProblems.BadParameter("roleId", "roleId must be a role id (digits)."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RoleHolders.ExistsAsync(db, (long)query.GuildId, (long)role, cancellationToken)
            ? (query with { RoleId = role }, null)
            : (query, ApiProblems.BadParameter("roleId", "roleId names no role of this guild."));
    }
}
