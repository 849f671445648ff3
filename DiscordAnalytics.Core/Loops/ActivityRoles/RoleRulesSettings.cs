using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// Reads and replaces a guild's role rules and its switch. A save is the complete set: rules missing from it are
/// deleted, and the app stops managing their roles (members keep the roles it gave; their records go). Switching a
/// paused rule on again clears its pause.
/// </summary>
public sealed class RoleRulesSettings(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The guild's rules in the order they were added; null when the guild is unknown.</summary>
    public async Task<RoleRulesView?> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var rules = await db.RoleRules.AsNoTracking().Where(r => r.GuildId == guildId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var actOnDiscord = await db.RoleRuleSwitches.AsNoTracking().Where(s => s.GuildId == guildId).Select(s => s.ActOnDiscord).FirstOrDefaultAsync(cancellationToken);
        return new RoleRulesView(actOnDiscord, [.. rules.Select(RoleRuleView.Of)]);
    }

    /// <summary>Replaces the guild's rules and switch in one transaction; checked with <see cref="RoleRulesValidation"/> first (throws when they break it).</summary>
    public async Task<RoleRulesUpdate> SetAsync(long guildId, bool actOnDiscord, IReadOnlyList<RoleRuleInput> rules, CancellationToken cancellationToken)
    {
        if (RoleRulesValidation.Check(guildId, rules) is { } problem)
        {
            throw new ArgumentException($"{problem.Field}: {problem.Reason}", nameof(rules));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return RoleRulesUpdate.GuildNotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.RoleRules.Where(r => r.GuildId == guildId).ToDictionaryAsync(r => r.Id, cancellationToken);
            if (rules.Any(r => r.Id is { } id && !stored.ContainsKey(id)))
            {
                return RoleRulesUpdate.UnknownRule;
            }

            var kept = rules.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
            var gone = stored.Values.Where(r => !kept.Contains(r.Id)).ToList();
            db.RoleRules.RemoveRange(gone);
            // A role the app no longer manages (rule deleted, or moved to another role) leaves its records.
            var goneIds = gone.Select(r => r.Id).ToList();
            await db.RoleGrants.Where(g => g.GuildId == guildId && goneIds.Contains(g.RuleId)).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            foreach (var input in rules)
            {
                if (input.Id is { } id)
                {
                    var rule = stored[id];
                    if (rule.RoleId != input.RoleId)
                    {
                        await db.RoleGrants.Where(g => g.GuildId == guildId && g.RuleId == id).ExecuteDeleteAsync(cancellationToken);
                    }

                    if (input.Enabled && !rule.Enabled)
                    {
                        (rule.Status, rule.StatusMessage, rule.StatusAt) = (RoleRuleStatus.New, null, null);
                    }

                    (rule.Kind, rule.Threshold, rule.Days, rule.RoleId, rule.Enabled) = (input.Kind, input.Threshold, input.Days, input.RoleId, input.Enabled);
                }
                else
                {
                    db.RoleRules.Add(new RoleRule
                    {
                        GuildId = guildId,
                        Kind = input.Kind,
                        Threshold = input.Threshold,
                        Days = input.Days,
                        RoleId = input.RoleId,
                        Enabled = input.Enabled,
                        Status = RoleRuleStatus.New,
                    });
                }
            }

            var toggle = await db.RoleRuleSwitches.FirstOrDefaultAsync(s => s.GuildId == guildId, cancellationToken);
            if (toggle is null)
            {
                db.RoleRuleSwitches.Add(new RoleRulesSwitch { GuildId = guildId, ActOnDiscord = actOnDiscord });
            }
            else
            {
                toggle.ActOnDiscord = actOnDiscord;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return RoleRulesUpdate.Saved;
        });
    }
}
