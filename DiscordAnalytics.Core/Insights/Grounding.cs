namespace DiscordAnalytics.Core.Insights;

/// <summary>The result of <see cref="GroundingCheck"/>: the numbers, as written, that the summary does not hold.</summary>
public sealed record Grounding(IReadOnlyList<string> Violations)
{
    public bool IsGrounded => Violations.Count == 0;
}
