namespace DiscordAnalytics.Core.Analytics;

/// <summary>A help thread or question that escalated, before its names are read (<see cref="SupportEscalationReads.ListAsync"/>).</summary>
/// <param name="Starter">Who asked (a thread's starter decides whether its title may be shown).</param>
internal sealed record FoundEscalation(string Kind, long Id, long Channel, long? Starter, long At, string Reason);
