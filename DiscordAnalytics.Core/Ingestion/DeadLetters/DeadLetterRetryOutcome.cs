namespace DiscordAnalytics.Core.Ingestion.DeadLetters;

/// <summary>What retrying a dead letter did.</summary>
public enum DeadLetterRetryOutcome
{
    /// <summary>No such dead letter (already applied by an earlier retry, or never there).</summary>
    NotFound,

    /// <summary>The event was applied (or found a duplicate of what the store holds) and its row removed, in one transaction.</summary>
    Applied,

    /// <summary>It failed again; the row stays with one more attempt and the new exception.</summary>
    FailedAgain,

    /// <summary>Handed to the writer, which has not committed it yet (the store refuses writes); it applies when the store is back.</summary>
    Waiting,
}
