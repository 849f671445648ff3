namespace DiscordAnalytics.Core.Backfill;

/// <summary>The answer to a backfill command: the run's status, or why not.</summary>
public sealed record BackfillOutcome(BackfillOutcomeKind Kind, BackfillStatus? Status = null, string? Parameter = null, string? Reason = null)
{
    public static BackfillOutcome Ok(BackfillStatus? status) => new(BackfillOutcomeKind.Ok, status);

    public static BackfillOutcome Bad(string parameter, string reason) => new(BackfillOutcomeKind.BadRequest, Parameter: parameter, Reason: reason);

    public static BackfillOutcome NotFound() => new(BackfillOutcomeKind.NotFound);

    public static BackfillOutcome Conflict(string reason) => new(BackfillOutcomeKind.Conflict, Reason: reason);
}
