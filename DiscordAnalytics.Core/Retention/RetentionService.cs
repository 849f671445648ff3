using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Retention;

/// <summary>The daily retention pass: for every guild, prune raw events older than its retention period and record the run.</summary>
public sealed partial class RetentionService(
    IDbContextFactory<AnalyticsDbContext> contexts,
    RawEventPruner pruner,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger,
    IEnumerable<IRetentionRunListener> listeners)
{
    public async Task<IReadOnlyList<RetentionRun>> RunAsync(CancellationToken cancellationToken)
    {
        List<(long GuildId, int? Days)> guilds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var overrides = await db.Set<GuildRetention>().ToDictionaryAsync(r => r.GuildId, r => r.RawEventDays, cancellationToken).ConfigureAwait(false);
            var ids = await db.Guilds.Select(g => g.GuildId).OrderBy(id => id).ToListAsync(cancellationToken).ConfigureAwait(false);
            guilds = ids.Select(id => (id, overrides.TryGetValue(id, out var days) ? days : (int?)null)).ToList();
        }

        var runs = new List<RetentionRun>();
        foreach (var (guildId, days) in guilds)
        {
            runs.Add(await RunGuildAsync(guildId, days ?? options.Value.RawEventDays, cancellationToken).ConfigureAwait(false));
        }

        foreach (var listener in listeners)
        {
            listener.RetentionRan();
        }

        return runs;
    }

    private async Task<RetentionRun> RunGuildAsync(long guildId, int days, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoffAt = startedAt - (days * DayBucket.MillisecondsPerDay);
        var deleted = await pruner.PruneAsync(guildId, cutoffAt, cancellationToken).ConfigureAwait(false);
        var run = new RetentionRun
        {
            GuildId = guildId,
            StartedAt = startedAt,
            FinishedAt = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            CutoffAt = cutoffAt,
            DeletedEvents = deleted,
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            db.Add(run);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        LogPruned(logger, guildId, deleted, days);
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: guild {GuildId} pruned {Deleted} raw events older than {Days} days")]
    private static partial void LogPruned(ILogger logger, long guildId, long deleted, int days);
}
