namespace DiscordAnalytics.Core.Analytics.Kinds;

/// <summary>Messages by kind in the window and in the whole previous window of equal length.</summary>
/// <param name="CountedFrom">
/// The first UTC day whose messages carry their kinds, when the guild has messages stored before it (a store written by
/// a version that did not record kinds yet: those messages are in no share); null when every stored day has its kinds.
/// </param>
public sealed record MessageKindsSummary(MessageKindStats Current, MessageKindStats Previous, DateOnly? CountedFrom = null);
