namespace DiscordAnalytics.Core.Analytics;

/// <summary>One help thread of a window as support signals read it: its starter, first response (of the view asked) and parent.</summary>
internal sealed record HelpThreadFacts(long ThreadId, long StarterAuthorId, long StartedAt, long? Response, long ParentId);
