namespace DiscordAnalytics.Core.Analytics.Kinds;

/// <summary>Messages by kind in the window and in the whole previous window of equal length.</summary>
public sealed record MessageKindsSummary(MessageKindStats Current, MessageKindStats Previous);
