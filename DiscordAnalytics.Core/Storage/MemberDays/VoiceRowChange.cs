namespace DiscordAnalytics.Core.Storage.MemberDays;

/// <summary>
/// What one committed batch added to one <c>voiceDays</c> row (member, channel) of a day, in milliseconds: the time by
/// kind and per quarter hour (<see cref="QuarterHourCounts"/> order, 96 entries), as the writer's upsert added them.
/// </summary>
public sealed record VoiceRowChange(long Channel, long User, long TalkMs, long MutedMs, long AloneMs, long[] QuarterHourMs);
