using System.Collections.Concurrent;
using System.Data.Common;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// Contexts over a test store that write down the text of every statement they run through EF (queries, raw SQL through
/// <c>Database.SqlQuery</c>): what a call's round trips are, for tests that hold a call to its statements. Commands made
/// on the bare connection (the snapshot readers' day reads) are not seen: count warm calls, which read no days.
/// </summary>
public sealed class StatementCountingContexts(StorageOptions storage) : DbCommandInterceptor, IDbContextFactory<AnalyticsDbContext>
{
    private readonly ConcurrentQueue<string> _statements = new();

    /// <summary>The statements run since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<string> Statements => [.. _statements];

    public void Clear() => _statements.Clear();

    public AnalyticsDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AnalyticsDbContext>().UseStore(storage).AddInterceptors(this).Options);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _statements.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _statements.Enqueue(command.CommandText);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _statements.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _statements.Enqueue(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
