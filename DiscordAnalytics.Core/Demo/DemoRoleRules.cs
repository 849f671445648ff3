using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Shows the activity-role loop in the demo: on the first start of a demo store, the demo guild gets a rule of every kind but
/// reactions (messages, voice minutes, activity, a 5-day streak, the leaderboard's top 10, the top 5 mentors) and
/// "act on Discord" switched on, so the 15-minute job applies them, simulated, to <see cref="DemoMemberRoles"/> (no
/// network) and the log on Settings fills. A demo store that already has a switch row keeps the owner's choices.
/// </summary>
public sealed partial class DemoRoleRules(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IOptions<DemoOptions> options,
    ILogger<DemoRoleRules> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var community = DemoCommunity.Create(options.Value.Seed);
        var guildId = (long)community.GuildId;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.RoleRuleSwitches.AnyAsync(s => s.GuildId == guildId, cancellationToken))
            {
                return;
            }

            db.RoleRuleSwitches.Add(new RoleRulesSwitch { GuildId = guildId, ActOnDiscord = true });
            db.RoleRules.AddRange(
                Rule(guildId, RoleId(community, 1), RoleRuleKind.Messages, 20, 7),
                Rule(guildId, RoleId(community, 2), RoleRuleKind.VoiceMinutes, 60, 7),
                Rule(guildId, RoleId(community, 3), RoleRuleKind.Activity, 100, 30),
                Rule(guildId, RoleId(community, 4), RoleRuleKind.Streak, 5, 1),
                Rule(guildId, RoleId(community, 5), RoleRuleKind.LeaderboardTop, 10, 30),
                Rule(guildId, RoleId(community, 6), RoleRuleKind.Mentor, 5, 30));
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, guildId);
        }
        catch (Exception ex) when (ex is DbUpdateException || StoreFailure.IsFromStore(ex))
        {
            // Another instance of a shared store seeded them first, or the store refuses writes or cannot be reached (EF
            // wraps PostgreSQL's failures): the demo runs on without.
            LogNotSeeded(logger, ex, guildId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A made-up role id of the demo guild (the demo has no role list; ids only need to be stable).</summary>
    private static long RoleId(DemoCommunity community, int n) => (long)DemoIds.Make(community.GuildCreatedAt + DemoRhythm.DayMs, DemoIds.StructureWorker, 2, n);

    private static RoleRule Rule(long guildId, long roleId, RoleRuleKind kind, long threshold, int days) => new()
    {
        GuildId = guildId,
        RoleId = roleId,
        Kind = kind,
        Threshold = threshold,
        Days = days,
        Enabled = true,
        Status = RoleRuleStatus.New,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo guild {GuildId}: activity-role rules added, applied simulated every 15 minutes")]
    private static partial void LogSeeded(ILogger logger, long guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo guild {GuildId}: activity-role rules not added")]
    private static partial void LogNotSeeded(ILogger logger, Exception exception, long guildId);
}
