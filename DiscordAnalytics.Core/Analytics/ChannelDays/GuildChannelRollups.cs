using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>
/// One guild's channel rollups (<c>channelDailyRollups</c>) per UTC day in memory, each day at the channel-day version
/// (<c>channelDayVersions</c>) it was read at: the writer steps that version in the transaction of every change to the
/// day's channel rollups, so before every read the asked days' versions are compared (one range read) and only the days
/// that moved on are read again (one range read per run of days, in one read snapshot with their versions). A live
/// message re-reads its day's few hundred rows, never the window's. Days are guarded by <see cref="Gate"/>.
/// </summary>
internal sealed class GuildChannelRollups
{
    private readonly Dictionary<int, (long Version, Dictionary<(long Channel, bool IsBot), (long Messages, long Reactions, long Threads)> Rows)> _days = [];
    private readonly SemaphoreSlim _loading = new(1, 1);

    public Lock Gate { get; } = new();

    /// <summary>The day's rows by (channel, bot); every asked day is held after <see cref="SyncAsync"/>.</summary>
    public IReadOnlyDictionary<(long Channel, bool IsBot), (long Messages, long Reactions, long Threads)> Day(int day) => _days[day].Rows;

    /// <summary>Brings days <paramref name="start"/> to <paramref name="end"/> (excluded) up to the store.</summary>
    public async Task SyncAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken)
    {
        if (start >= end || Stale(await VersionsAsync(db, guild, start, end, cancellationToken), start, end).Count == 0)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            var stale = Stale(await VersionsAsync(db, guild, start, end, cancellationToken), start, end);
            foreach (var (runStart, runEnd) in DayVersions.Runs(stale))
            {
                await LoadAsync(db, guild, runStart, runEnd, cancellationToken);
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private List<int> Stale(Dictionary<int, long> stored, int start, int end)
    {
        lock (Gate)
        {
            return DayVersions.Stale(start, end, stored, day => _days.TryGetValue(day, out var held) ? held.Version : null);
        }
    }

    private static Task<Dictionary<int, long>> VersionsAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken) =>
        db.ChannelDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, v => v.Version, cancellationToken);

    private async Task LoadAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = await StoreTransactions.BeginReadSnapshotAsync(db, cancellationToken);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            var versions = await VersionsAsync(db, guild, start, end, cancellationToken);
            var rows = await db.ChannelDailyRollups.AsNoTracking()
                .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end)
                .Select(r => new { r.Day, r.ChannelId, r.IsBot, r.MessageCount, r.ReactionCount, r.ThreadCount })
                .ToListAsync(cancellationToken);
            await db.Database.UseTransactionAsync(null, cancellationToken);
            var days = Enumerable.Range(start, end - start).ToDictionary(d => d, _ => new Dictionary<(long, bool), (long, long, long)>());
            foreach (var row in rows)
            {
                days[row.Day][(row.ChannelId, row.IsBot)] = (row.MessageCount, row.ReactionCount, row.ThreadCount);
            }

            lock (Gate)
            {
                foreach (var (day, read) in days)
                {
                    var version = versions.GetValueOrDefault(day);
                    if (!_days.TryGetValue(day, out var held) || held.Version < version)
                    {
                        _days[day] = (version, read);
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
