using System.Globalization;
using System.Text.Json.Serialization;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.DeadLetters;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// The <c>ingestion</c> part of /healthz: whether the writer can commit (<c>writing</c>, or <c>storeUnavailable</c>
/// with the reason and since when: then /healthz answers 503), the backlog, and how many dead letters wait.
/// </summary>
internal sealed record IngestionHealth(
    string State,
    string? Reason,
    string? UnavailableSince,
    int QueueLength,
    long Pending,
    long Processed,
    int? DeadLetters)
{
    public const string Writing = "writing";

    public const string StoreUnavailable = "storeUnavailable";

    [JsonIgnore]
    public bool IsOk => State == Writing;

    public static async Task<IngestionHealth> ReadAsync(IngestionPipeline pipeline, DeadLetterService deadLetters, ILogger logger, CancellationToken cancellationToken)
    {
        var status = pipeline.StoreStatus;
        int? count;
        try
        {
            count = await deadLetters.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store that cannot be read (or not yet migrated) has no count to give; /healthz must still answer,
            // and the rest of the answer says why.
            logger.LogDebug(ex, "Dead letters could not be counted for /healthz");
            count = null;
        }

        return new IngestionHealth(
            status.State == StoreWriteState.Writing ? Writing : StoreUnavailable,
            status.Reason,
            status.UnavailableSince is { } since ? DateTimeOffset.FromUnixTimeMilliseconds(since).ToString("O", CultureInfo.InvariantCulture) : null,
            pipeline.QueueLength,
            pipeline.Pending,
            pipeline.Processed,
            count);
    }
}
