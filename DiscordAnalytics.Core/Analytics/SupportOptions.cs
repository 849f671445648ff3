using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>The <c>Support</c> configuration section (support signals).</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>
    /// An asker who posts again in their help thread or question this many hours after asking, with no answer from anyone
    /// else by then, escalates it (<c>supportSignals.escalations</c>). Default 24.
    /// </summary>
    [Range(1, 720)]
    public int EscalationHours { get; set; } = 24;

    public TimeSpan EscalationPeriod => TimeSpan.FromHours(EscalationHours);
}
