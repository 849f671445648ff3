namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// One UTC day of the engagement chart: members active that day (<see cref="Dau"/>), in the 7 days (<see cref="Wau"/>)
/// and in the 30 days (<see cref="Mau"/>) ending with it, each member counted once; <see cref="Stickiness"/> is
/// DAU/MAU rounded to three decimals, null when nobody was active in the 30 days.
/// </summary>
public sealed record EngagementDay(DateOnly Day, long Dau, long Wau, long Mau)
{
    public double? Stickiness => Mau == 0 ? null : Math.Round((double)Dau / Mau, 3);
}
