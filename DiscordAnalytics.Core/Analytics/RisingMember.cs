namespace DiscordAnalytics.Core.Analytics;

/// <summary>A member who sent more messages than in the previous window of equal length; summary <c>risingMembers</c>.</summary>
public sealed record RisingMember(string DiscordUserId, string Name, long MessagesSent, long PreviousMessagesSent);
