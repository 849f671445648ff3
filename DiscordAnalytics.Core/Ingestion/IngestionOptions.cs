using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>The <c>Ingestion</c> configuration section: queue and batch sizes of the pipeline, and how it waits out a store that refuses writes.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Events the queue holds before sources are made to wait (backpressure). Default 20,000.</summary>
    [Range(100, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Most events written in one transaction. Default 5,000.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 5_000;

    /// <summary>
    /// Longest wait between two attempts to write a batch the store refused (full, I/O error, locked...). Attempts
    /// start 100 ms apart and double up to this; they never stop while the process runs. Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StoreRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often open voice sessions are counted up to now (a crash loses at most this much of them). Default 1 minute;
    /// at most 5 minutes, the longest gap a session resumes across.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan VoiceCheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);
}
