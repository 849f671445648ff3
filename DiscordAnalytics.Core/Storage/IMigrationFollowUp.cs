using System.Data.Common;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Work a layer above the store does once after the start's migrations, such as filling a table a migration created
/// from rows the store already had. <see cref="StoreInitializer"/> runs every registered one, on an open connection,
/// with the names of the migrations it just applied (empty when there were none).
/// </summary>
public interface IMigrationFollowUp
{
    Task RunAsync(DbConnection connection, IReadOnlyCollection<string> applied, CancellationToken cancellationToken);
}
