using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>The plan of every enabled rule as the owner reads it, changing nothing; hidden members counted, never named.</summary>
public sealed class RoleRulePreviewer(IDbContextFactory<AnalyticsDbContext> contexts, RoleRulePlanner planner)
{
    /// <summary>The guild's previews; null when the guild is unknown.</summary>
    public async Task<IReadOnlyList<RulePreview>?> PreviewAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var plans = await planner.PlanAsync(guildId, cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guildId, cancellationToken);
        var named = plans.SelectMany(p => p.Gains.Concat(p.Losses)).Where(visible.IsListed).Distinct().ToList();
        var names = await Names.OfMembersAsync(db, guildId, named, cancellationToken);

        List<PreviewMember> Listed(IReadOnlyList<long> users) =>
            [.. users.Where(visible.IsListed).Select(u => new PreviewMember(u.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(u) is { Length: > 0 } name ? name : null))];

        return [.. plans.Select(p =>
        {
            var (gains, losses) = (Listed(p.Gains), Listed(p.Losses));
            return new RulePreview(
                p.Rule.Id.ToString(CultureInfo.InvariantCulture), p.Rule.Kind, p.Rule.Threshold, p.Rule.Days, p.Rule.RoleId.ToString(CultureInfo.InvariantCulture),
                p.Gains.Count, p.Losses.Count, gains, losses, p.Gains.Count - gains.Count, p.Losses.Count - losses.Count);
        })];
    }
}
