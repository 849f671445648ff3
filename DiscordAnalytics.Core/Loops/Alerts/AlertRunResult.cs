namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>What one run did for a guild: alerts newly recorded, sent, failed, and whether it was in quiet hours (all held).</summary>
public sealed record AlertRunResult(AlertRunState State, int Recorded, int Sent, int Failed, bool Quiet)
{
    public static AlertRunResult Nothing(AlertRunState state) => new(state, 0, 0, 0, false);
}
