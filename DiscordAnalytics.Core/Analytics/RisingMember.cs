namespace DiscordAnalytics.Core.Analytics;

/// <summary>A member who sent more messages than in the previous window (cut to the same elapsed time); summary <c>risingMembers</c>.</summary>
public sealed record RisingMember(string DiscordUserId, string Name, long MessagesSent, long PreviousMessagesSent);
