using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Retention;

public sealed class RetentionStatusQuery(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IOptions<RetentionOptions> retention,
    IOptions<StorageOptions> storage)
{
    /// <summary>The guild's last retention pass, or null before the first (cheap: the dashboard asks on every load).</summary>
    public async Task<RetentionRun?> LastRunAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<RetentionRun>().Where(r => r.GuildId == guildId).OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The guild's retention status, or null when the guild is unknown.</summary>
    public async Task<RetentionStatus?> RunAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var own = await db.Set<GuildRetention>().Where(r => r.GuildId == guildId).Select(r => (int?)r.RawEventDays).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var events = db.AnalyticsEvents.Where(e => e.GuildId == guildId);
        var count = await events.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var oldest = await events.Where(e => RawEventPruner.PrunableTypes.Contains(e.EventType)).MinAsync(e => (long?)e.KeyAt, cancellationToken).ConfigureAwait(false);
        var lastRun = await db.Set<RetentionRun>().Where(r => r.GuildId == guildId).OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var bytes = storage.Value.Kind == StoreProvider.Postgres
            ? await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken).ConfigureAwait(false)
            : StoreBytes();
        return new RetentionStatus(own ?? retention.Value.RawEventDays, own is not null, bytes, count, oldest, lastRun);
    }

    private long StoreBytes()
    {
        var file = new SqliteConnectionStringBuilder(storage.Value.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return 0;
        }

        return new[] { file, file + "-wal" }.Select(f => new FileInfo(f)).Where(f => f.Exists).Sum(f => f.Length);
    }
}
