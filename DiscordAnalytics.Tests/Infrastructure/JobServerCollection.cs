namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The test classes whose apps run a Hangfire server. They run one after another: Hangfire.Storage.SQLite
/// serialises every host's queue polling and enqueueing in a process behind one process-wide lock, so job
/// servers of parallel classes slow each other's jobs down until a page or API test waits in vain.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JobServerCollection
{
    public const string Name = "Job server";
}
