using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// Who qualifies for each enabled rule now, against who holds its role as far as the app knows (<see cref="RoleGrant"/>).
/// Counting kinds read the member-day rollups (one grouped read per distinct window), never the raw events; a streak
/// rule reads the leaderboard's current streaks, a leaderboard rule its places by activity score over the rule's days,
/// a mentor rule the ranked mentor candidates (<see cref="MentorsQuery"/>). The window of D days
/// is today (UTC) and the D - 1 days before it, as the dashboard's "last D days". Bots never qualify; members who left
/// never gain; forgotten members are never acted on. Hidden members are acted on like anyone (the role is the
/// server's, and they are counted in every number), but never named in a preview or the log.
/// Preview and apply both plan with this, so they cannot disagree.
/// </summary>
public sealed class RoleRulePlanner(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, LeaderboardQuery leaderboard, MentorsQuery mentors)
{
    private const long MsPerMinute = 60_000;

    public async Task<IReadOnlyList<RulePlan>> PlanAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await db.RoleRules.AsNoTracking().Where(r => r.GuildId == guildId && r.Enabled).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return [];
        }

        var forgotten = (await db.MemberPrivacy.AsNoTracking()
            .Where(p => p.GuildId == guildId && p.Choice == MemberPrivacyChoice.Forgotten)
            .Select(p => p.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var left = (await db.Members.AsNoTracking()
            .Where(m => m.GuildId == guildId && m.LeftAt != null)
            .Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var roleIds = rules.Select(r => r.RoleId).ToList();
        var grants = (await db.RoleGrants.AsNoTracking()
            .Where(g => g.GuildId == guildId && roleIds.Contains(g.RoleId))
            .ToListAsync(cancellationToken)).ToLookup(g => g.RoleId);

        var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
        var sumsByDays = new Dictionary<int, List<MemberTotals>>();
        var plans = new List<RulePlan>(rules.Count);
        foreach (var rule in rules)
        {
            var qualifying = (await QualifyingAsync(db, rule, today, sumsByDays, cancellationToken))
                .Where(u => !forgotten.Contains(u) && !left.Contains(u))
                .ToHashSet();
            var holders = grants[rule.RoleId].ToList();
            var held = holders.Select(h => h.UserId).ToHashSet();
            var gains = qualifying.Where(u => !held.Contains(u)).Order().ToList();
            var losses = holders.Where(h => h.ByApp && !qualifying.Contains(h.UserId) && !left.Contains(h.UserId) && !forgotten.Contains(h.UserId))
                .Select(h => h.UserId).Order().ToList();
            var released = holders.Where(h => (!h.ByApp && !qualifying.Contains(h.UserId)) || left.Contains(h.UserId) || forgotten.Contains(h.UserId))
                .Select(h => h.UserId).Order().ToList();
            plans.Add(new RulePlan(rule, gains, losses, released));
        }

        return plans;
    }

    /// <summary>The members who meet <paramref name="rule"/> now (bots never; left and forgotten members are the caller's to drop).</summary>
    private async Task<IEnumerable<long>> QualifyingAsync(AnalyticsDbContext db, RoleRule rule, int today, Dictionary<int, List<MemberTotals>> sumsByDays, CancellationToken cancellationToken)
    {
        var window = AnalyticsWindow.Last(rule.Days, today);
        switch (rule.Kind)
        {
            case RoleRuleKind.Streak:
                var streaks = await leaderboard.RankedMembersAsync(Ranking(rule.GuildId, AnalyticsWindow.Last(1, today)), LeaderboardRanking.Streak, cancellationToken);
                return streaks.Where(m => m.CurrentStreak >= rule.Threshold).Select(m => m.User);
            case RoleRuleKind.LeaderboardTop:
                var places = await leaderboard.RankedMembersAsync(Ranking(rule.GuildId, window), LeaderboardRanking.Activity, cancellationToken);
                return places.Take((int)rule.Threshold).Select(m => m.User);
            case RoleRuleKind.Mentor:
                var candidates = await mentors.RankAsync(rule.GuildId, window.StartAt, window.EndAt, cancellationToken);
                return candidates.Take((int)rule.Threshold).Select(m => m.User);
            default:
                if (!sumsByDays.TryGetValue(rule.Days, out var sums))
                {
                    sums = await SumAsync(db, rule.GuildId, window.StartDay, window.EndDay, cancellationToken);
                    sumsByDays[rule.Days] = sums;
                }

                return sums.Where(s => Count(rule.Kind, s) >= rule.Threshold).Select(s => s.User);
        }
    }

    /// <summary>Every place (no top cut), bots left out: a top-X rule cuts the list itself.</summary>
    private static AnalyticsQuery Ranking(long guildId, AnalyticsWindow window) => new((ulong)guildId, window, int.MaxValue, IncludeBots: false);

    /// <summary>What <paramref name="kind"/> counts of a member's window totals.</summary>
    public static long Count(RoleRuleKind kind, MemberTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var voiceMinutes = totals.VoiceMs / MsPerMinute;
        return kind switch
        {
            RoleRuleKind.Messages => totals.Messages,
            RoleRuleKind.Reactions => totals.Reactions,
            RoleRuleKind.VoiceMinutes => voiceMinutes,
            RoleRuleKind.Activity => totals.Messages + totals.Reactions + voiceMinutes,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No qualifier for this rule kind yet."),
        };
    }

    private static Task<List<MemberTotals>> SumAsync(AnalyticsDbContext db, long guildId, int start, int end, CancellationToken cancellationToken) =>
        db.MemberDailyRollups.AsNoTracking()
            .Where(r => r.GuildId == guildId && r.Day >= start && r.Day < end && !r.IsBot)
            .GroupBy(r => r.UserId)
            .Select(g => new MemberTotals(g.Key, g.Sum(r => r.MessagesSent), g.Sum(r => r.ReactionsAdded), g.Sum(r => r.VoiceMs)))
            .ToListAsync(cancellationToken);
}
