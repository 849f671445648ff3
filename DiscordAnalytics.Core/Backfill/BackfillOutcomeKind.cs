namespace DiscordAnalytics.Core.Backfill;

/// <summary>How a backfill command ended.</summary>
public enum BackfillOutcomeKind
{
    /// <summary>Done; the status is attached.</summary>
    Ok,

    /// <summary>A parameter is invalid; the parameter and reason are attached.</summary>
    BadRequest,

    /// <summary>The guild is not in the store.</summary>
    NotFound,

    /// <summary>Not possible now (a run is already active, nothing to pause, no history source).</summary>
    Conflict,
}
