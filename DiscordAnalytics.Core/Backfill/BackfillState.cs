namespace DiscordAnalytics.Core.Backfill;

/// <summary>States of a run (stored as these strings).</summary>
public static class BackfillState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>A run in one of these states blocks a new run for its guild.</summary>
    public static bool IsActive(string state) => state is Queued or Running or Paused;
}
