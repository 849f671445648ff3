using System.Data.Common;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Reads run on one connection inside one read snapshot (<see cref="StoreTransactions.BeginReadSnapshotAsync"/>: it never
/// makes the writer wait), so rows and the versions read beside them always agree: what every kept index loads through.
/// </summary>
internal static class ReadSnapshot
{
    /// <summary>Opens <paramref name="db"/>'s connection, runs <paramref name="read"/> inside a read snapshot, and closes it.</summary>
    public static async Task<T> RunAsync<T>(AnalyticsDbContext db, Func<DbTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = await StoreTransactions.BeginReadSnapshotAsync(db, cancellationToken);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            var result = await read(snapshot);
            await db.Database.UseTransactionAsync(null, cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A plain command of the snapshot (not EF's materializer: a cold year at the large scale is millions of rows).</summary>
    public static DbCommand Command(AnalyticsDbContext db, DbTransaction snapshot, string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>A command over one guild's range of days: the SQL names them <c>@guild</c>, <c>@start</c> and <c>@end</c> (excluded).</summary>
    public static DbCommand DaysCommand(AnalyticsDbContext db, DbTransaction snapshot, string sql, long guild, int start, int end) =>
        Command(db, snapshot, sql, ("@guild", guild), ("@start", start), ("@end", end));
}
