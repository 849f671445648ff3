namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>When and why a help thread or question escalated (<see cref="SupportEscalation.Reason"/>).</summary>
internal readonly record struct SupportHit(long At, string Reason);
