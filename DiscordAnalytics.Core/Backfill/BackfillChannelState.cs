namespace DiscordAnalytics.Core.Backfill;

/// <summary>States of one channel within a run (stored as these strings).</summary>
public static class BackfillChannelState
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Done = "done";
    public const string Skipped = "skipped";
}
