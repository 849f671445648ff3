namespace DiscordAnalytics.Core.Ingestion.DeadLetters;

/// <summary>A retry of one or more dead letters: how many were applied, failed again, or still wait for the store.</summary>
public sealed record DeadLetterRetryResult(int Applied, int FailedAgain, int Waiting)
{
    /// <summary>The single outcome of a one-letter retry (<see cref="DeadLetterRetryOutcome.NotFound"/> when none was retried).</summary>
    public DeadLetterRetryOutcome Outcome =>
        Applied > 0 ? DeadLetterRetryOutcome.Applied
        : FailedAgain > 0 ? DeadLetterRetryOutcome.FailedAgain
        : Waiting > 0 ? DeadLetterRetryOutcome.Waiting
        : DeadLetterRetryOutcome.NotFound;
}
