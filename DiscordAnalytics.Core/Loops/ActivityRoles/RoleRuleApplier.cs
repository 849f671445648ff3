using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// Applies a guild's plan (<see cref="RoleRulePlanner"/>, the same one the preview shows): each gain is checked first
/// (a member already holding the role was given it by hand: recorded as such, never removed later), from the stored
/// member roles where the member's roles are known, else by reading the member from Discord, then added; each
/// loss removed; every change recorded in the log and the holders as it is made, so an interrupted run resumes and a
/// second run changes nothing. A refusal that retrying cannot fix (403: no Manage Roles or a role above the bot's
/// highest; 404: the role is gone) pauses the rule with the reason; any other failure leaves it for the next run.
/// One apply per guild at a time (the job and "apply now" never interleave).
/// </summary>
public sealed partial class RoleRuleApplier(
    IDbContextFactory<AnalyticsDbContext> contexts,
    RoleRulePlanner planner,
    TimeProvider time,
    ILogger<RoleRuleApplier> logger,
    IMemberRoleActions? actions = null)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _guildLocks = new();

    /// <summary>Applies the rules of every guild whose switch is on (the recurring job).</summary>
    public async Task ApplyAllAsync(CancellationToken cancellationToken)
    {
        List<long> guilds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            guilds = await db.RoleRuleSwitches.AsNoTracking().Where(s => s.ActOnDiscord).Select(s => s.GuildId).ToListAsync(cancellationToken);
        }

        foreach (var guild in guilds)
        {
            await ApplyAsync(guild, cancellationToken);
        }
    }

    /// <summary>Applies the guild's enabled rules now, when its switch is on.</summary>
    public async Task<RoleRulesApplyResult> ApplyAsync(long guildId, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
            {
                return new RoleRulesApplyResult(RoleRulesApplyState.GuildNotFound, []);
            }

            if (!await db.RoleRuleSwitches.AnyAsync(s => s.GuildId == guildId && s.ActOnDiscord, cancellationToken))
            {
                return new RoleRulesApplyResult(RoleRulesApplyState.SwitchedOff, []);
            }
        }

        if (actions is null)
        {
            return new RoleRulesApplyResult(RoleRulesApplyState.NoDiscord, []);
        }

        var gate = _guildLocks.GetOrAdd(guildId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var outcomes = new List<RuleApplyOutcome>();
            foreach (var plan in await planner.PlanAsync(guildId, cancellationToken))
            {
                outcomes.Add(await ApplyRuleAsync(actions, guildId, plan, cancellationToken));
            }

            return new RoleRulesApplyResult(RoleRulesApplyState.Applied, outcomes);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RuleApplyOutcome> ApplyRuleAsync(IMemberRoleActions roles, long guildId, RulePlan plan, CancellationToken cancellationToken)
    {
        var rule = plan.Rule;
        var reason = string.Create(CultureInfo.InvariantCulture, $"DiscordAnalytics activity role rule {rule.Id}");
        var (guild, role) = ((ulong)guildId, (ulong)rule.RoleId);
        var (added, removed, failed) = (0, 0, 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        if (plan.Released.Count > 0)
        {
            var released = plan.Released.ToList();
            await db.RoleGrants.Where(g => g.GuildId == guildId && g.RoleId == rule.RoleId && released.Contains(g.UserId)).ExecuteDeleteAsync(cancellationToken);
        }

        var stored = plan.Gains.Count > 0 ? await StoredRolesAsync(db, guildId, rule.RoleId, cancellationToken) : null;
        var changes = plan.Gains.Select(u => (User: u, Action: RoleChangeAction.Add)).Concat(plan.Losses.Select(u => (User: u, Action: RoleChangeAction.Remove)));
        foreach (var (user, action) in changes)
        {
            try
            {
                if (action == RoleChangeAction.Add)
                {
                    // The stored member roles answer when the member's roles are known; Discord is asked only when not.
                    var holds = stored!.Value.Known.Contains(user)
                        ? stored.Value.Holders.Contains(user)
                        : await roles.HoldsRoleAsync(guild, (ulong)user, role, cancellationToken);
                    if (holds is null)
                    {
                        // Not a member any more (a leave we did not see): nothing to give.
                        continue;
                    }

                    if (holds == true)
                    {
                        db.RoleGrants.Add(new RoleGrant { GuildId = guildId, RoleId = rule.RoleId, UserId = user, RuleId = rule.Id, ByApp = false, At = Now() });
                        Log(db, rule, user, action, RoleChangeResult.AlreadyHeld, null);
                        await db.SaveChangesAsync(cancellationToken);
                        continue;
                    }

                    await roles.AddRoleAsync(guild, (ulong)user, role, reason, cancellationToken);
                    db.RoleGrants.Add(new RoleGrant { GuildId = guildId, RoleId = rule.RoleId, UserId = user, RuleId = rule.Id, ByApp = true, At = Now() });
                    added++;
                }
                else
                {
                    await roles.RemoveRoleAsync(guild, (ulong)user, role, reason, cancellationToken);
                    await db.RoleGrants.Where(g => g.GuildId == guildId && g.RoleId == rule.RoleId && g.UserId == user).ExecuteDeleteAsync(cancellationToken);
                    removed++;
                }

                Log(db, rule, user, action, roles.Done, null);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DiscordRestException ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode == DiscordRestClient.UnknownMemberCode)
            {
                // The member left between plan and change: Discord dropped their roles with them.
                await db.RoleGrants.Where(g => g.GuildId == guildId && g.RoleId == rule.RoleId && g.UserId == user).ExecuteDeleteAsync(cancellationToken);
                Log(db, rule, user, action, RoleChangeResult.Failed, "Not a member of the server any more.");
                await db.SaveChangesAsync(cancellationToken);
                failed++;
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
            {
                var (status, message) = Refusal(ex, rule.RoleId);
                Log(db, rule, user, action, RoleChangeResult.Failed, message);
                await db.SaveChangesAsync(cancellationToken);
                LogRuleStopped(logger, guildId, rule.Id, rule.RoleId, status.ToString(), (ex as DiscordRestException)?.StatusCode is { } code ? (int)code : 0);
                return await SetStatusAsync(db, rule, status, message, added, removed, failed + 1, cancellationToken);
            }
        }

        if (added + removed > 0)
        {
            LogRuleApplied(logger, guildId, rule.Id, rule.RoleId, added, removed, roles.Done == RoleChangeResult.Simulated);
        }

        return await SetStatusAsync(db, rule, RoleRuleStatus.Ok, null, added, removed, failed, cancellationToken);
    }

    /// <summary>
    /// The members whose roles the store knows (their role set was observed: GUILD_CREATE, a member update, a member
    /// list) and, of those, who holds <paramref name="roleId"/> now.
    /// </summary>
    private static async Task<(HashSet<long> Known, HashSet<long> Holders)?> StoredRolesAsync(AnalyticsDbContext db, long guildId, long roleId, CancellationToken cancellationToken)
    {
        var known = await db.MemberRoleStates.AsNoTracking().Where(s => s.GuildId == guildId).Select(s => s.UserId).ToHashSetAsync(cancellationToken);
        var holders = await db.MemberRoleSpans.AsNoTracking()
            .Where(s => s.GuildId == guildId && s.RoleId == roleId && s.ToAt == null)
            .Select(s => s.UserId).ToHashSetAsync(cancellationToken);
        return (known, holders);
    }

    /// <summary>A refusal that retrying cannot fix pauses the rule; anything else is retried by the next run.</summary>
    private static (RoleRuleStatus Status, string Message) Refusal(Exception ex, long roleId)
    {
        var role = roleId.ToString(CultureInfo.InvariantCulture);
        return ex switch
        {
            DiscordRestException { StatusCode: HttpStatusCode.Forbidden } refused => (RoleRuleStatus.Paused, string.Create(CultureInfo.InvariantCulture,
                $"Discord refused (403{(refused.ErrorCode is { } code ? $", code {code}" : string.Empty)}): give the bot Manage Roles and move its highest role above role {role}, then switch the rule on again.")),
            DiscordRestException { StatusCode: HttpStatusCode.NotFound, ErrorCode: DiscordRestClient.UnknownRoleCode } => (RoleRuleStatus.Paused,
                $"Discord says role {role} does not exist (404): choose a role of this server, then switch the rule on again."),
            DiscordUnauthorizedException => (RoleRuleStatus.Paused, "Discord rejected the bot token (401): fix Discord:Token, restart, then switch the rule on again."),
            _ => (RoleRuleStatus.Failing, $"Discord did not make the change ({ex.Message}); the next run tries again."),
        };
    }

    private async Task<RuleApplyOutcome> SetStatusAsync(AnalyticsDbContext db, RoleRule planned, RoleRuleStatus status, string? message, int added, int removed, int failed, CancellationToken cancellationToken)
    {
        var rule = await db.RoleRules.FirstOrDefaultAsync(r => r.Id == planned.Id, cancellationToken);
        if (rule is not null)
        {
            (rule.Status, rule.StatusMessage, rule.StatusAt) = (status, message, Now());
            if (status == RoleRuleStatus.Paused)
            {
                rule.Enabled = false;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new RuleApplyOutcome(planned.Id.ToString(CultureInfo.InvariantCulture), added, removed, failed, status, message);
    }

    private void Log(AnalyticsDbContext db, RoleRule rule, long user, RoleChangeAction action, RoleChangeResult result, string? message) =>
        db.RoleChanges.Add(new RoleChange
        {
            GuildId = rule.GuildId,
            RuleId = rule.Id,
            RoleId = rule.RoleId,
            UserId = user,
            Action = action,
            Result = result,
            Message = message,
            At = Now(),
        });

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    // Counts and ids of rules and roles only: never a member (a hidden member is never named in a log).
    [LoggerMessage(Level = LogLevel.Information, Message = "Activity role rule {RuleId} of guild {GuildId} (role {RoleId}): {Added} added, {Removed} removed (simulated {Simulated})")]
    private static partial void LogRuleApplied(ILogger logger, long guildId, long ruleId, long roleId, int added, int removed, bool simulated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity role rule {RuleId} of guild {GuildId} (role {RoleId}) stopped: {Status} after HTTP {HttpStatus}")]
    private static partial void LogRuleStopped(ILogger logger, long guildId, long ruleId, long roleId, string status, int httpStatus);
}
