using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The <c>Ingestion</c> configuration section: queue and batch sizes of the pipeline.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Events the queue holds before sources are made to wait (backpressure). Default 20,000.</summary>
    [Range(100, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Most events written in one transaction. Default 5,000.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 5_000;
}
