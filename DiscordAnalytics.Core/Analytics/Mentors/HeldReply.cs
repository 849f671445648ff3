namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>A human's reply in a help channel (not deleted): it answers the question it refers to when its author is not the asker.</summary>
internal readonly record struct HeldReply(long Message, long Referenced, long Channel, long Author, long At);
