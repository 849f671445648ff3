using System.Data.Common;
using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// When the migration that created the support fact tables has just run on a store that already held messages, fills
/// them once from those messages; the writer keeps them from then on.
/// </summary>
internal sealed partial class SupportFactsFill(ILogger<SupportFactsFill> logger) : IMigrationFollowUp
{
    public Task RunAsync(DbConnection connection, IReadOnlyCollection<string> applied, CancellationToken cancellationToken)
    {
        if (applied.Any(m => m.EndsWith("_SupportFacts", StringComparison.Ordinal)))
        {
            var (threads, channels) = SupportFactsRebuild.Run(connection);
            LogFilled(logger, threads, channels);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Support facts computed for {Threads} threads and {Channels} channels")]
    private static partial void LogFilled(ILogger logger, int threads, int channels);
}
