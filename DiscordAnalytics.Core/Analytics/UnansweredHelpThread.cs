namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// A help thread of the window that got no reply within <see cref="SupportSignalsQuery.AnswerWithin"/>, as the
/// dashboard's Support card lists it. <paramref name="Name"/> is null when a hidden member started it: its title
/// is their words.
/// </summary>
public sealed record UnansweredHelpThread(string ThreadId, string? Name, string ParentName, long StartedAt, string JumpUrl);
