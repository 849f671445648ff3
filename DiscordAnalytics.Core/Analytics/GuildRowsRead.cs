using System.Data.Common;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Reads one guild's rows whole together with the version they stand at, in one read snapshot
/// (<see cref="StoreTransactions.BeginReadSnapshotAsync"/>), so the rows and the version always agree: what
/// <see cref="KeptPerGuild{T}"/> keeps. A plain reader, not EF's materializer: a large guild has hundreds of thousands.
/// </summary>
internal static class GuildRowsRead
{
    /// <param name="sql">Portable SQL selecting the rows of the guild named <c>@guild</c> (and of <paramref name="parameters"/>).</param>
    /// <param name="version">The guild's stored version (or versions), read inside the snapshot.</param>
    /// <param name="row">One row from the reader's current record.</param>
    /// <param name="parameters">More named values the SQL takes (a range of days).</param>
    public static async Task<(TVersion Version, List<TRow> Rows)> InSnapshotAsync<TVersion, TRow>(
        AnalyticsDbContext db,
        long guildId,
        string sql,
        Func<AnalyticsDbContext, CancellationToken, Task<TVersion>> version,
        Func<DbDataReader, TRow> row,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(row);
        return await ReadSnapshot.RunAsync(
            db,
            async snapshot =>
            {
                var stored = await version(db, cancellationToken);
                await using var command = ReadSnapshot.Command(db, snapshot, sql, [("@guild", guildId), .. parameters]);
                var rows = new List<TRow>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(row(reader));
                }

                return (stored, rows);
            },
            cancellationToken);
    }
}
