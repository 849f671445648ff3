namespace DiscordAnalytics.Core.Analytics;

/// <summary>How many new members posted within one period after joining (24 hours or 7 days).</summary>
/// <param name="Eligible">New members whose period has ended: the denominator.</param>
/// <param name="Posted">Of <see cref="Eligible"/>, those with a counted message inside the period.</param>
/// <param name="Pending">New members whose period has not ended yet: in neither number, so a half-finished
/// period never reads as "did not post".</param>
/// <param name="Rate"><see cref="Posted"/> / <see cref="Eligible"/> (0..1), or null when nobody is eligible.</param>
public sealed record ActivationRate(long Eligible, long Posted, long Pending, double? Rate)
{
    public static ActivationRate FromCounts(long eligible, long posted, long pending) =>
        new(eligible, posted, pending, eligible == 0 ? null : posted / (double)eligible);
}
