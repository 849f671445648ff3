namespace DiscordAnalytics.Core.Backfill;

public static class BackfillStateExtensions
{
    /// <summary>A run in one of these states blocks a new run for its guild.</summary>
    public static bool IsActive(this BackfillState state) => state is BackfillState.Queued or BackfillState.Running or BackfillState.Paused;
}
