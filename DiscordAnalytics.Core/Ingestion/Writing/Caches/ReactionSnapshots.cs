using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Caches;

/// <summary>
/// Per guild, the newest backfill reaction snapshot (<c>max(observedAt)</c> of reactionCounts; long.MinValue when
/// none). A reaction added after it cannot have been counted anonymously, so the writer skips that lookup: that is
/// every live reaction, and the lookup cost as much as the reaction's own insert. Part of the writer, not
/// thread-safe; reset (and loaded again) when a batch rolls back.
/// </summary>
internal sealed class ReactionSnapshots(IngestionStatements sql)
{
    private readonly Dictionary<long, long> _newestAt = [];

    public long NewestAt(long guild)
    {
        if (!_newestAt.TryGetValue(guild, out var newest))
        {
            newest = sql.NewestReactionSnapshot.FirstOrNull(guild)?.ObservedAt ?? long.MinValue;
            _newestAt[guild] = newest;
        }

        return newest;
    }

    /// <summary>A snapshot taken at <paramref name="at"/> was stored.</summary>
    public void Stored(long guild, long at) => _newestAt[guild] = Math.Max(NewestAt(guild), at);

    public void Reset() => _newestAt.Clear();
}
