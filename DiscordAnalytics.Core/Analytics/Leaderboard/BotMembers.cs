using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// The guild's member rows flagged as bots, kept per guild while the member rows' stored version (<c>memberRowVersions</c>,
/// stepped by the store's triggers whenever a row is added, deleted or its bot flag changes) is unchanged: the flag has
/// no index, so reading it walks every member row of the guild (~200,000 in a large one).
/// </summary>
internal sealed class BotMembers
{
    private readonly ConcurrentDictionary<long, (long Version, HashSet<long> Bots)> _kept = new();

    /// <summary>The bots' user ids at the stored version. Shared: never change it.</summary>
    public async Task<HashSet<long>> OfAsync(AnalyticsDbContext db, long guild, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(db, guild, cancellationToken);
        if (_kept.TryGetValue(guild, out var kept) && kept.Version == version)
        {
            return kept.Bots;
        }

        // Read with the version in one snapshot, so the set never pairs with a version it is older than.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = await StoreTransactions.BeginReadSnapshotAsync(db, cancellationToken);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            version = await VersionAsync(db, guild, cancellationToken);
            var bots = await db.Members.AsNoTracking().Where(m => m.GuildId == guild && m.IsBot).Select(m => m.UserId).ToHashSetAsync(cancellationToken);
            await db.Database.UseTransactionAsync(null, cancellationToken);
            _kept[guild] = (version, bots);
            return bots;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> VersionAsync(AnalyticsDbContext db, long guild, CancellationToken cancellationToken) =>
        await db.MemberRowVersions.AsNoTracking()
            .Where(v => v.GuildId == guild)
            .Select(v => (long?)v.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;
}
